// Voxworks JShell toolkit: loaded by jshell/voxworks-shell after JShell's DEFAULT start-up.
// The helpers are the static methods of ai.voxworks.jshell.Helpers (help() lists them; Tab shows
// their Javadoc); print, println and printf those of ai.voxworks.jshell.Printing (the overloads of
// JShell's PRINTING). Offline (in-process mock, demo key) unless VOXWORKS_API_KEY is set.
// Safe to run again (/reset, /reload, /env): the session carries on.
import ai.voxworks.client.*;
import static ai.voxworks.jshell.Helpers.*;
import static ai.voxworks.jshell.Printing.*;
// client. and Tab lists what the client in use can do; client() is the VoxworksClient itself.
ai.voxworks.jshell.ShellClient client = ai.voxworks.jshell.ShellClient.current();
banner();
