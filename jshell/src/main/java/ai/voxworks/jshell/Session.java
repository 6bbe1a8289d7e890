package ai.voxworks.jshell;

import ai.voxworks.client.Call;
import ai.voxworks.client.CallResponse;
import ai.voxworks.client.RateLimitStatus;
import ai.voxworks.client.TransportException;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.client.Sleeper;
import ai.voxworks.mock.CallSummary;
import ai.voxworks.mock.Fixtures;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.Recorder;
import ai.voxworks.mock.RecordingSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the {@link Helpers} drive: a client, offline against an in-process mock server or against
 * a real base URL, and what the helpers print. API errors are the client's exceptions: a script
 * stops at the call that failed.
 */
final class Session implements AutoCloseable {

    /**
     * The helpers, as {@code help()} and JShell's {@code /help voxworks} list them. A new helper is
     * one line here.
     */
    static final String HELPERS = """
              call(id)              print a call as pretty JSON and return it as a typed Call
              watch(id)             print a line per change of a call (time, status, progress) until it ends;
                                    Ctrl-C stops watching
              calls()               list the in-process mock's calls; * marks those the key can read
              find(status)          ids of the mock's calls with that status the key can read
              offline()             switch to the in-process mock with the demo key
              offline(dir)          switch to an in-process mock serving the fixtures in dir
              record(ids...)        save calls from the server in use into ./voxworks-fixtures
              production(key)       switch to https://api.voxworks.ai with your key
              production(key, url)  switch to another server (staging, a colleague's mock)
              client()              the VoxworksClient, for everything else
              client                the same as a variable: client. and Tab lists what it can do
            A Call shows as one line. Its typed fields: c.status(), c.duration(), c.endTime(), ...
            (type c. and Tab for all); its JSON as the server sent it: c.json(); pretty again: call(c.id()).
            An API error is an exception (one line): a script stops at the call that failed.
            Example: var c = call("call_nw_1001"); c.status(); c.duration(); c.endTime()""";

    /** The longest {@link #watch} follows a call. */
    static final Duration WATCH_AT_MOST = Duration.ofDays(1);
    /** How often {@link #watch} shows it is still waiting. */
    static final Duration SIGN_OF_LIFE = Duration.ofSeconds(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    /** How {@link #watch} tells the time and waits: the system's, unless a test gives the mock's. */
    private Clock clock = Clock.systemDefaultZone();
    private Sleeper sleeper = Sleeper.SYSTEM;
    /** Where the start-up banner goes: the console, standard error for a script, nowhere for a quiet one. */
    private final PrintStream bannerOut;
    private final JsonMapper pretty = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private VoxworksClient client;
    private String apiKey;
    private MockServer mock;
    private String mode;

    private Session(PrintStream out, PrintStream bannerOut) {
        this.out = out;
        this.bannerOut = bannerOut;
    }

    /**
     * Connects without printing: offline when {@code VOXWORKS_API_KEY} is unset or blank,
     * otherwise to {@code VOXWORKS_BASE_URL} (default production) with that key.
     */
    static Session open(Function<String, String> env, PrintStream out) {
        return open(env, out, out);
    }

    /** As {@link #open(Function, PrintStream)}, the start-up banner to {@code bannerOut} ({@code null}: nowhere). */
    static Session open(Function<String, String> env, PrintStream out, PrintStream bannerOut) {
        Session session = new Session(out, bannerOut);
        String key = env.apply("VOXWORKS_API_KEY");
        if (key == null || key.isBlank()) {
            session.connectOffline(false);
        } else {
            session.connect(key, env.apply("VOXWORKS_BASE_URL"), false);
        }
        return session;
    }

    /** Says where the helpers go (the start-up banner). */
    void banner() {
        if (bannerOut != null) {
            bannerOut.println(where());
            bannerOut.println("Type help() for the helpers (or /help voxworks).");
        }
    }

    /** Switches to the in-process mock (started on a free port if needed) with the demo key. */
    void offline() {
        connectOffline(true);
    }

    /** Switches to {@code baseUrl} (production when null or blank) with {@code key}. */
    void production(String key, String baseUrl) {
        connect(key, baseUrl, true);
    }

    private void connectOffline(boolean announce) {
        if (mock == null) {
            mock = MockServer.start(MockServerConfig.builder().port(0).build());
        }
        useMock(mock.fixtures().demoKey(), announce);
    }

    /** Switches to an in-process mock serving {@code dir}, with the first key of its first team. */
    void offline(Path dir) {
        Fixtures data = Fixtures.load(dir);
        String key;
        try {
            key = data.demoKey();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(dir + " has no team with a key in teams.json", e);
        }
        MockServer started = MockServer.start(MockServerConfig.builder().port(0).fixturesDir(dir).build());
        if (mock != null) {
            mock.close();
        }
        mock = started;
        useMock(key, true);
    }

    private void useMock(String key, boolean announce) {
        use(VoxworksClient.builder().apiKey(key).baseUrl(mock.baseUrl()).build(), key,
                "offline: mock server at " + mock.baseUrl() + " (" + mock.fixtures().calls().size() + " calls"
                        + (mock.fixtures().source().equals("bundled") ? "" : " from " + mock.fixtures().source()) + ")",
                announce);
    }

    /** Records these calls from the server in use into {@code dir}, printing progress and the summary. */
    RecordingSummary record(Path dir, String... ids) {
        out.println("Recording from " + mode + " into " + dir.toAbsolutePath() + " ...");
        RecordingSummary summary = Recorder.builder().from(client.baseUrl()).apiKey(apiKey).outputDir(dir)
                .progress(out::println).build().record(ids);
        out.println(summary.report());
        return summary;
    }

    private void connect(String key, String baseUrl, boolean announce) {
        String url = baseUrl == null || baseUrl.isBlank() ? VoxworksClient.DEFAULT_BASE_URL : baseUrl.strip();
        VoxworksClient next = VoxworksClient.builder().apiKey(key).baseUrl(url).build();
        String where = onMock(next) ? "the in-process mock at " + mock.baseUrl()
                : (next.baseUrl().equals(VoxworksClient.DEFAULT_BASE_URL) ? "production: " : "remote: ") + next.baseUrl();
        use(next, key, where, announce);
    }

    private void use(VoxworksClient next, String key, String where, boolean announce) {
        if (client != null) {
            client.close();
        }
        client = next;
        apiKey = key;
        mode = where;
        if (announce) {
            announce();
        }
    }

    private void announce() {
        out.println(where());
    }

    private String where() {
        return "Voxworks JShell toolkit, " + mode + ", key " + client.maskedApiKey();
    }

    /** Prints the call as pretty JSON and the rate-limit status, and returns it. */
    Call call(String id) {
        CallResponse response = client.getCallResponse(id);
        out.println(pretty.writeValueAsString(pretty.readTree(response.call().json())));
        response.rateLimit().map(Session::describe).ifPresent(out::println);
        return response.call();
    }

    /**
     * Follows a call until it ends: a line per change of its status or progress, with the time, and a
     * dot a second while it waits; interrupted (Ctrl-C at the prompt), it says so and returns the call
     * as last seen. The polling is the client's {@code awaitCall}: quick while the call moves, never
     * past the rate limit.
     */
    Call watch(String id) {
        out.println("Watching " + id + " until it ends; Ctrl-C stops watching.");
        Ticking ticking = new Ticking();
        Call[] last = new Call[1];
        try (VoxworksClient watching = client.newBuilder().time(clock, ticking).build()) {
            Call done = watching.awaitCall(id, Call::ended, WATCH_AT_MOST, call -> {
                if (last[0] == null || !Objects.equals(line(last[0]), line(call))) {
                    ticking.endLine();
                    out.printf("%s  %s%n", TIME.format(clock.instant().atZone(clock.getZone())), line(call));
                }
                last[0] = call;
            });
            ticking.endLine();
            out.println(id + " ended: " + done.status() + (done.endReason() == null ? "" : " (" + done.endReason() + ")"));
            return done;
        } catch (TransportException e) {
            if (!Thread.interrupted()) {
                throw e;
            }
            // Ctrl-C: the watch is over, the session goes on.
            ticking.endLine();
            out.println("Stopped watching " + id + (last[0] == null ? "" : "; last seen " + line(last[0])));
            return last[0];
        }
    }

    private static String line(Call call) {
        return String.format("%-12s %s", call.status(), call.progress() == null ? "" : call.progress()).strip();
    }

    /** Waits as the session does, a second at a time, with a dot after each: the sign of life of {@link #watch}. */
    private final class Ticking implements Sleeper {
        private boolean dots;

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            for (Duration left = duration; left.compareTo(Duration.ZERO) > 0; left = left.minus(SIGN_OF_LIFE)) {
                sleeper.sleep(left.compareTo(SIGN_OF_LIFE) < 0 ? left : SIGN_OF_LIFE);
                out.print('.');
                out.flush();
                dots = true;
            }
        }

        void endLine() {
            if (dots) {
                out.println();
                dots = false;
            }
        }
    }

    /** How {@link #watch} tells the time and waits (tests give it the in-process mock's). */
    void time(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Lists the in-process mock's calls, marking those the current key can read; or says why it cannot. */
    void calls() {
        if (!onMock(client)) {
            out.println("calls() lists the in-process mock's calls; the helpers use " + mode
                    + ", whose calls cannot be listed. offline() switches to the mock.");
            return;
        }
        Optional<String> team = mock.fixtures().teamOfKey(apiKey).map(t -> t.id());
        out.println("Calls on the in-process mock at " + mock.baseUrl() + "; * = readable with key "
                + client.maskedApiKey() + team.map(t -> " (" + t + ")").orElse(" (no team: none)") + ":");
        for (CallSummary c : mock.fixtures().calls()) {
            boolean readable = team.isPresent() && team.get().equals(c.teamId());
            out.printf("%s %-16s %-16s %s%n", readable ? "*" : " ", c.id(), c.teamId(), c.moves()
                    ? String.join(" > ", new LinkedHashSet<>(c.stages())) + "  (moves: watch(\"" + c.id() + "\"))"
                    : c.status());
        }
    }

    /** Ids of the in-process mock's calls with this status that the current key can read. */
    List<String> find(String status) {
        if (!onMock(client)) {
            throw new IllegalStateException("find() searches the in-process mock; the helpers use " + mode
                    + ". offline() switches to the mock.");
        }
        Optional<String> team = mock.fixtures().teamOfKey(apiKey).map(t -> t.id());
        return mock.fixtures().calls().stream()
                .filter(c -> team.isPresent() && team.get().equals(c.teamId()) && c.status().equals(status))
                .map(CallSummary::id)
                .toList();
    }

    void help() {
        out.println("Connected to " + mode + ", key " + client.maskedApiKey() + "\n" + HELPERS);
    }

    /** The current client. */
    VoxworksClient client() {
        return client;
    }

    /** The in-process mock, or null when it was never started. */
    MockServer mock() {
        return mock;
    }

    private boolean onMock(VoxworksClient c) {
        return mock != null && c != null && c.baseUrl().equals(mock.baseUrl());
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (mock != null) {
            mock.close();
        }
    }

    /** {@code rate limit: 59 of 60 left in this window (resets in 42 s)}, with what the response said. */
    static String describe(RateLimitStatus s) {
        return "rate limit: " + s.remaining() + (s.limit() == null ? "" : " of " + s.limit()) + " left in this window"
                + (s.reset() == null ? "" : " (resets in " + s.reset().toSeconds() + " s)");
    }
}
