package ai.voxworks.mock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on loopback that answers get-call requests as a test scripts them: the broken
 * production the mock cannot play (a string duration, an HTML 502, a hang). It counts requests
 * and keeps the Authorization headers it saw; it asserts nothing itself.
 */
final class StubUpstream implements AutoCloseable {

    private static final String PATH = "/api/v1/get-call/";

    /** One scripted answer; {@code hang} holds the response until the stub closes, after the headers if {@code status} > 0. */
    private record Reply(int status, String contentType, String body, String[] headers, boolean hang) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private StubUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static StubUpstream start() {
        try {
            return new StubUpstream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code id} answers {@code status} with this body and header name/value pairs. */
    StubUpstream on(String id, int status, String contentType, String body, String... headers) {
        replies.put(id, new Reply(status, contentType, body, headers, false));
        return this;
    }

    /** {@code id} answers 200 with {@code {"success":true,"call":<call>}}. */
    StubUpstream call(String id, String call) {
        return on(id, 200, "application/json", "{\"success\":true,\"call\":" + call + "}");
    }

    /** {@code id} answers 200 with the repository's fixture of that id. */
    StubUpstream fixture(String id) {
        return call(id, fixtureJson(id));
    }

    /** {@code id} never answers (until the stub closes). */
    StubUpstream hang(String id) {
        replies.put(id, new Reply(0, null, null, new String[0], true));
        return this;
    }

    /** {@code id} sends 200 and its headers, then nothing more. */
    StubUpstream hangAfterHeaders(String id) {
        replies.put(id, new Reply(200, "application/json", "{\"success\":true,", new String[0], true));
        return this;
    }

    /** How many requests asked for {@code id}. */
    int hits(String id) {
        AtomicInteger n = hits.get(id);
        return n == null ? 0 : n.get();
    }

    /** The Authorization header of every request, in order. */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The repository's {@code fixtures/calls/<id>.json}. */
    static String fixtureJson(String id) {
        try {
            return Files.readString(DemoData.fixturesDir().resolve("calls/" + id + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String id = path.startsWith(PATH) ? path.substring(PATH.length()) : "";
            hits.computeIfAbsent(id, i -> new AtomicInteger()).incrementAndGet();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            Reply reply = replies.getOrDefault(id, new Reply(404, "application/json",
                    "{\"success\":false,\"message\":\"Call not found\"}", new String[0], false));
            if (reply.hang() && reply.status() == 0) {
                awaitClose();
                return;
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            for (int i = 0; i < reply.headers().length; i += 2) {
                exchange.getResponseHeaders().set(reply.headers()[i], reply.headers()[i + 1]);
            }
            // A hang after the headers promises more than it sends: chunked, then silence.
            exchange.sendResponseHeaders(reply.status(), reply.hang() ? 0 : body.length == 0 ? -1 : body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body);
            out.flush();
            if (reply.hang()) {
                awaitClose();
            }
        }
    }

    private void awaitClose() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
