package ai.voxworks.mock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * OkHttp's MockWebServer on loopback, answering get-call requests as a test scripts them: the broken
 * production the mock cannot play (a string duration, an HTML 502, a hang). It counts requests and
 * keeps the Authorization headers it saw; it asserts nothing itself.
 */
public final class StubUpstream implements AutoCloseable {

    private static final String PATH = "/api/v1/get-call/";
    private static final MockResponse NOT_FOUND = new MockResponse.Builder().code(404)
            .setHeader("Content-Type", "application/json").body("{\"success\":false,\"message\":\"Call not found\"}").build();

    private final MockWebServer server = new MockWebServer();
    private final Map<String, MockResponse> replies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private StubUpstream() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                // The id as sent, decoded: one path segment after /api/v1/get-call/.
                List<String> segments = request.getUrl().pathSegments();
                String id = request.getUrl().encodedPath().startsWith(PATH) && segments.size() == 4 ? segments.get(3) : "";
                hits.computeIfAbsent(id, i -> new AtomicInteger()).incrementAndGet();
                String authorization = request.getHeaders().get("Authorization");
                authorizations.add(authorization == null ? "" : authorization);
                return replies.getOrDefault(id, NOT_FOUND);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    public static StubUpstream start() {
        try {
            return new StubUpstream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** {@code id} answers {@code status} with this body and header name/value pairs. */
    public StubUpstream on(String id, int status, String contentType, String body, String... headers) {
        MockResponse.Builder reply = new MockResponse.Builder().code(status).setHeader("Content-Type", contentType).body(body);
        for (int i = 0; i < headers.length; i += 2) {
            reply.setHeader(headers[i], headers[i + 1]);
        }
        replies.put(id, reply.build());
        return this;
    }

    /** {@code id} answers 200 with {@code {"success":true,"call":<call>}}. */
    public StubUpstream call(String id, String call) {
        return on(id, 200, "application/json", "{\"success\":true,\"call\":" + call + "}");
    }

    /** {@code id} answers 200 with the repository's fixture of that id. */
    public StubUpstream fixture(String id) {
        return call(id, fixtureJson(id));
    }

    /** {@code id} never answers: the request is read, and nothing comes back. */
    public StubUpstream hang(String id) {
        replies.put(id, new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        return this;
    }

    /** {@code id} sends 200 and its headers, then nothing more. */
    public StubUpstream hangAfterHeaders(String id) {
        replies.put(id, new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"success\":true,\"call\":{}}").onResponseBody(SocketEffect.Stall.INSTANCE).build());
        return this;
    }

    /** How many requests asked for {@code id}. */
    public int hits(String id) {
        AtomicInteger n = hits.get(id);
        return n == null ? 0 : n.get();
    }

    /** The Authorization header of every request, in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The repository's {@code fixtures/calls/<id>.json}. */
    public static String fixtureJson(String id) {
        try {
            return Files.readString(DemoData.fixturesDir().resolve("calls/" + id + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
