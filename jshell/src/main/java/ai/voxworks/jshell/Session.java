package ai.voxworks.jshell;

import ai.voxworks.client.Call;
import ai.voxworks.client.CallResponse;
import ai.voxworks.client.RateLimitException;
import ai.voxworks.client.RateLimitStatus;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.client.VoxworksException;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.CallSummary;
import ai.voxworks.mock.Fixtures;
import ai.voxworks.mock.MockServerConfig;
import java.io.PrintStream;
import java.util.function.Function;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code voxworks.jsh} drives: a client, offline against an in-process mock server or
 * against a real base URL, and the helpers' output. Errors print one line; nothing here throws
 * an API error at the JShell user.
 */
public final class Session implements AutoCloseable {

    /** The bundled demo key used offline (team_northwind). */
    public static final String DEMO_KEY = "vx_test_northwind_primary_7f3a9c";

    private final PrintStream out;
    private final JsonMapper pretty = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private VoxworksClient client;
    private MockServer mock;
    private String mode;

    private Session(PrintStream out) {
        this.out = out;
    }

    /**
     * Offline when {@code VOXWORKS_API_KEY} is unset or blank; otherwise against
     * {@code VOXWORKS_BASE_URL} (default production) with that key. Prints the banner.
     */
    public static Session start(Function<String, String> env, PrintStream out) {
        Session session = new Session(out);
        String key = env.apply("VOXWORKS_API_KEY");
        if (key == null || key.isBlank()) {
            session.offline();
        } else {
            session.production(key, env.apply("VOXWORKS_BASE_URL"));
        }
        out.println("Type help() for the helpers.");
        return session;
    }

    /** Switches to the in-process mock (started on a free port if needed) with the demo key. */
    public void offline() {
        if (mock == null) {
            mock = MockServer.start(MockServerConfig.builder().port(0).build());
        }
        connect(VoxworksClient.builder().apiKey(DEMO_KEY).baseUrl(mock.baseUrl()).build(),
                "offline: mock server at " + mock.baseUrl() + " (" + mock.fixtures().calls().size() + " calls)");
    }

    /** Switches to {@code baseUrl} (production when null or blank) with {@code apiKey}. */
    public void production(String apiKey, String baseUrl) {
        String url = baseUrl == null || baseUrl.isBlank() ? VoxworksClient.DEFAULT_BASE_URL : baseUrl;
        VoxworksClient next;
        try {
            next = VoxworksClient.builder().apiKey(apiKey).baseUrl(url).build();
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return;
        }
        connect(next, (url.equals(VoxworksClient.DEFAULT_BASE_URL) ? "production: " : "remote: ") + url);
    }

    private void connect(VoxworksClient next, String where) {
        if (client != null) {
            client.close();
        }
        client = next;
        mode = where;
        out.println("Voxworks JShell toolkit, " + where + ", key " + client.maskedApiKey());
    }

    /** Prints the call as pretty JSON and the rate-limit status; returns it, or null after printing the error. */
    public Call call(String id) {
        CallResponse response;
        try {
            response = client.getCallResponse(id);
        } catch (VoxworksException e) {
            out.println("error: " + e.getMessage() + retryHint(e));
            return null;
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return null;
        }
        out.println(pretty.writeValueAsString(pretty.readTree(response.call().json())));
        response.rateLimit().map(Session::describe).ifPresent(out::println);
        return response.call();
    }

    /** Lists the offline fixtures: id, team, status. */
    public void calls() {
        Fixtures fixtures = mock != null ? mock.fixtures() : Fixtures.bundled();
        out.printf("%-16s %-16s %s%n", "id", "team", "status");
        for (CallSummary c : fixtures.calls()) {
            out.printf("%-16s %-16s %s%n", c.id(), c.teamId(), c.status());
        }
        if (mock == null) {
            out.println("(these are the offline fixtures; offline() switches to them)");
        }
    }

    public void help() {
        out.println("""
                Connected: %s
                  call(id)                  print a call as JSON and return it as a typed Call
                  calls()                   list the offline fixtures (id, team, status)
                  offline()                 switch to the in-process mock with the demo key
                  production(key)           switch to https://api.voxworks.ai with your key
                  production(key, url)      switch to another server (staging, a colleague's mock)
                  client()                  the VoxworksClient, for everything else
                Example: var c = call("call_nw_1001"); c.status(); c.duration(); c.endTime()""".formatted(mode));
    }

    /** The current client. */
    public VoxworksClient client() {
        return client;
    }

    /** The in-process mock, or null when it was never started. */
    public MockServer mock() {
        return mock;
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

    private static String describe(RateLimitStatus s) {
        return "rate limit: " + s.remaining() + " of " + s.limit() + " left in this window";
    }

    private static String retryHint(VoxworksException e) {
        if (e instanceof RateLimitException limited) {
            return limited.retryAfter().map(d -> " (retry after " + d.toSeconds() + " s)").orElse("");
        }
        return "";
    }
}
