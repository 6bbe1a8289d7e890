package ai.voxworks.jshell;

import ai.voxworks.client.Call;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.client.VoxworksException;
import ai.voxworks.mock.Recorder;
import ai.voxworks.mock.RecordingSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The JShell helpers: {@code voxworks.jsh} imports them ({@code import static
 * ai.voxworks.jshell.Helpers.*}), so in {@code jshell/voxworks-shell} they are plain functions:
 *
 * <pre>{@code
 * var c = call("call_nw_1001");   // prints the call as JSON, returns it typed
 * c.status(); c.duration(); c.endTime();
 * watch("call_nw_1007");          // a line per change until the call ends
 * calls();                        // the in-process mock's calls, * for those your key can read
 * production(System.getenv("MY_KEY"));
 * record("call_123");             // save it into ./voxworks-fixtures; offline("voxworks-fixtures") serves it
 * }</pre>
 *
 * <p>Offline (no {@code VOXWORKS_API_KEY}) they use a mock server started in-process on a free
 * port, with a demo key; otherwise {@code VOXWORKS_BASE_URL} (default production) with that key.
 * A new helper is one static method here, backed by {@link Session}, and one line of {@link #help()}.
 */
public final class Helpers {

    /** The session, once started: by the launcher in the background, or by the first helper. */
    private static CompletableFuture<Session> session;

    private Helpers() {
    }

    /**
     * Prints which server the helpers use and with which key (masked): the start-up banner. At the
     * prompt it goes to the console; when the launcher runs a script, to standard error (so that
     * {@code script.jsh > out} keeps only what the script prints), and with {@code -q} or {@code -s}
     * nowhere.
     */
    public static void banner() {
        session().banner();
    }

    /**
     * Prints the call as pretty JSON, with the rate-limit status of the response, and returns it
     * as a typed {@link Call}: {@code c.status()}, {@code c.duration()}, {@code c.endTime()}, ...;
     * {@code c.json()} is the JSON as the server sent it.
     *
     * @param id a call id, such as {@code call_nw_1001}
     * @return the call
     * @throws VoxworksException when the API answers with an error: {@code NotFoundException} for
     *                           an unknown id or another team's call, {@code RateLimitException},
     *                           {@code AuthenticationException}, ... (in a script, the run stops here)
     */
    public static Call call(String id) {
        return session().call(id);
    }

    /**
     * Follows a call until it ends: prints a line each time its status or progress changes (the
     * time, the status, the progress) and a dot a second while it waits; Ctrl-C stops watching.
     * Offline, {@code watch("call_nw_1007")} follows a call that moves from {@code scheduled} to
     * {@code completed} within 40 s of its first request.
     *
     * @param id a call id, such as {@code call_nw_1007}
     * @return the call as it ended (or as last seen, when stopped)
     * @throws VoxworksException when the API answers with an error ({@code NotFoundException}, ...)
     */
    public static Call watch(String id) {
        return session().watch(id);
    }

    /**
     * Lists the in-process mock's calls (id, team, status) and marks with {@code *} those the
     * current key can read; connected elsewhere, says so instead.
     */
    public static void calls() {
        session().calls();
    }

    /**
     * The ids of the in-process mock's calls with this status that the current key can read, for
     * scripts: {@code for (var id : find("completed")) call(id);}.
     *
     * @param status a call status, such as {@code completed}, {@code no-answer}, {@code scheduled}
     * @return the ids, sorted
     * @throws IllegalStateException when the helpers are not connected to the in-process mock
     */
    public static List<String> find(String status) {
        return session().find(status);
    }

    /** Lists the helpers and says where they are connected. */
    public static void help() {
        session().help();
    }

    /** Switches to the in-process mock (started on first use) with the demo key. */
    public static void offline() {
        session(name -> null).offline();
    }

    /**
     * Switches to an in-process mock serving the fixtures in {@code dir} (calls you recorded with
     * {@link #record}, say), with the first demo key of its first team; edits to the directory are
     * served as they are saved.
     *
     * @param dir a fixtures directory: {@code teams.json} and {@code calls/}
     * @throws ai.voxworks.mock.InvalidFixturesException listing every problem, when the directory is not valid
     */
    public static void offline(String dir) {
        session(name -> null).offline(Path.of(dir));
    }

    /**
     * Saves these calls, from the server the helpers use now (production, say), into a fixtures
     * directory the mock serves as it is ({@value Recorder#DEFAULT_OUTPUT_DIR}, printed): each is
     * checked against the spec, its team gets a new demo key, signed URLs lose their query. Prints
     * what was saved and skipped; {@code offline("voxworks-fixtures")} then serves them.
     *
     * @param ids call ids, such as {@code call_123}
     * @return what was saved, skipped and why
     */
    public static RecordingSummary record(String... ids) {
        return session().record(Path.of(Recorder.DEFAULT_OUTPUT_DIR), ids);
    }

    /**
     * Switches to production ({@value VoxworksClient#DEFAULT_BASE_URL}) with your key.
     *
     * @param apiKey your Voxworks API key; shown masked
     */
    public static void production(String apiKey) {
        production(apiKey, null);
    }

    /**
     * Switches to another server (staging, a colleague's mock) with a key.
     *
     * @param apiKey  a key of that server; shown masked
     * @param baseUrl such as {@code http://127.0.0.1:4010}
     */
    public static void production(String apiKey, String baseUrl) {
        session(name -> name.equals("VOXWORKS_API_KEY") ? apiKey : name.equals("VOXWORKS_BASE_URL") ? baseUrl : null)
                .production(apiKey, baseUrl);
    }

    /**
     * The {@link VoxworksClient} the helpers use, for everything else:
     * {@code client().getCallResponse(id)} (status, headers, rate limit), {@code getCallAsync(id)}.
     *
     * @return the current client
     */
    public static VoxworksClient client() {
        return session().client();
    }

    /** Forgets the session, closing it (tests). */
    static synchronized void reset() {
        if (session != null) {
            session.thenAccept(Session::close);
            session = null;
        }
    }

    /**
     * Starts the session on another thread (the launcher does, so the mock starts while JShell does);
     * its start-up banner goes to {@code banner} ({@code null}: nowhere).
     */
    static synchronized void startInBackground(Function<String, String> env, PrintStream out, PrintStream banner) {
        if (session == null) {
            session = new CompletableFuture<>();
            Thread starter = new Thread(() -> {
                try {
                    session.complete(Session.open(env, out, banner));
                } catch (Throwable e) {
                    session.completeExceptionally(e);
                }
            }, "voxworks-session-start");
            starter.setDaemon(true);
            starter.start();
        }
    }

    /** The session: the one started in the background, or one started now from the environment. */
    static Session session() {
        return session(System::getenv);
    }

    /**
     * The session, or one started now from {@code env} when there is none: none was started, or
     * starting failed (a bad {@code VOXWORKS_BASE_URL}, say), so {@code offline()} still works.
     */
    private static Session session(Function<String, String> env) {
        CompletableFuture<Session> started;
        synchronized (Helpers.class) {
            if (session == null) {
                session = new CompletableFuture<>();
                try {
                    session.complete(Session.open(env, System.out));
                } catch (RuntimeException e) {
                    session.completeExceptionally(e);
                }
            }
            started = session;
        }
        try {
            return started.join();
        } catch (CompletionException e) {
            synchronized (Helpers.class) {
                if (session == started) {
                    session = null;  // the next helper tries again (after the user fixed the cause)
                }
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
