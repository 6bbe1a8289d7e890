package ai.voxworks.conformance;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small stand-in for the real API on loopback (a {@link StubHttpServer}, nothing of ours), which
 * can be told to break one rule at a time: the suite must notice each.
 */
final class FakeVoxworks implements AutoCloseable {

    static final String KEY = "vx_fake_key_for_conformance_01";
    static final String OWN = "own_call_1";
    static final String FOREIGN = "foreign_call_1";
    // Room for every other case first: the rate-limit case runs last and exhausts it.
    static final int LIMIT = 40;

    /** One rule to break, or none. */
    enum Fault { NONE, LEAKS_FOREIGN_CALL, NO_RETRY_AFTER, DURATION_AS_STRING }

    private static final String PATH = "/api/v1/get-call/";

    private final StubHttpServer server;
    private final Fault fault;
    private final AtomicInteger used = new AtomicInteger();

    FakeVoxworks(Fault fault) {
        this.fault = fault;
        this.server = new StubHttpServer(this::handle);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
        if (!path.startsWith(PATH)) {
            send(exchange, 404, "{\"success\":false,\"message\":\"Not found\"}");
            return;
        }
        String id = path.substring(PATH.length());
        if (auth == null || !auth.startsWith("Bearer ") || !auth.substring(7).equals(KEY)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            send(exchange, 401, "{\"success\":false,\"message\":\"Invalid API key\"}");
            return;
        }
        int n = used.incrementAndGet();
        exchange.getResponseHeaders().add("X-RateLimit-Limit", Integer.toString(LIMIT));
        exchange.getResponseHeaders().add("X-RateLimit-Remaining", Integer.toString(Math.max(0, LIMIT - n)));
        if (n > LIMIT) {
            if (fault != Fault.NO_RETRY_AFTER) {
                exchange.getResponseHeaders().add("Retry-After", "30");
            }
            send(exchange, 429, "{\"success\":false,\"message\":\"Rate limit exceeded\"}");
        } else if (id.equals(OWN) || (id.equals(FOREIGN) && fault == Fault.LEAKS_FOREIGN_CALL)) {
            String duration = fault == Fault.DURATION_AS_STRING ? "\"abc\"" : "42";
            send(exchange, 200, "{\"success\":true,\"call\":{\"id\":\"" + id + "\",\"team_id\":\"t\",\"status\":\"completed\","
                    + "\"duration\":" + duration + ",\"end_time\":\"2026-11-20T14:03:31Z\"}}");
        } else {
            send(exchange, 404, "{\"success\":false,\"message\":\"Call not found\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        StubHttpServer.send(exchange, status, "application/json", body);
    }

    @Override
    public void close() {
        server.close();
    }
}
