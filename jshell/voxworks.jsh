// Voxworks JShell toolkit: loaded by jshell/voxworks-shell after JShell's DEFAULT and PRINTING.
// Offline (in-process mock, demo key) unless VOXWORKS_API_KEY is set. Safe to run again (/reset).
import ai.voxworks.client.*;
import ai.voxworks.jshell.Session;

Session voxworks = Session.start(System::getenv, System.out);

/** Prints a call as JSON (and the rate-limit status) and returns it typed; null after an error. */
ai.voxworks.client.Call call(String id) { return voxworks.call(id); }

/** Lists the offline fixtures. */
void calls() { voxworks.calls(); }

/** Lists the helpers. */
void help() { voxworks.help(); }

/** Switches to the in-process mock with the demo key. */
void offline() { voxworks.offline(); }

/** Switches to production with your key. */
void production(String apiKey) { voxworks.production(apiKey, null); }

/** Switches to another server (staging, a colleague's mock) with a key. */
void production(String apiKey, String baseUrl) { voxworks.production(apiKey, baseUrl); }

/** The VoxworksClient in use. */
VoxworksClient client() { return voxworks.client(); }
