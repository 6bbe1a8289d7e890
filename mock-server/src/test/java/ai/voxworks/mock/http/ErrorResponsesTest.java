package ai.voxworks.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import ai.voxworks.mock.TestHttp;
import ai.voxworks.mock.fixtures.FixtureLoader;
import ai.voxworks.mock.fixtures.FixtureStore;
import io.github.bucket4j.TimeMeter;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every error, from any layer, is the spec's ErrorResponse JSON. */
class ErrorResponsesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static MockServer server;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.builder().port(0).rateLimit(RateLimit.off()).build());
        http = new TestHttp(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unknownRouteIs404ErrorResponse() {
        HttpResponse<String> response = http.get("/api/v2/get-call/call_nw_1001");

        assertErrorResponse(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(message(response.body())).isEqualTo("No such endpoint: GET /api/v2/get-call/call_nw_1001");
    }

    @Test
    void wrongMethodIs405ErrorResponse() {
        HttpResponse<String> response = http.send("DELETE", TestHttp.GET_CALL + "call_nw_1001",
                "Authorization", "Bearer " + TestHttp.NORTHWIND_KEY);

        assertThat(response.statusCode()).isEqualTo(405);
        assertErrorResponse(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        assertThat(message(response.body())).contains("DELETE");
    }

    @Test
    void malformedPathEncodingIs400ErrorResponse() {
        String raw = TestHttp.raw(server.port(), "GET /api/v1/get-call/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertRawErrorResponse(raw);
    }

    @Test
    void oversizedHeaderIs431ErrorResponse() {
        String big = "a".repeat(20_000);
        String raw = TestHttp.raw(server.port(),
                "GET /api/v1/get-call/x HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 431");
        assertRawErrorResponse(raw);
    }

    @Test
    void garbageRequestLineIs400ErrorResponse() {
        String raw = TestHttp.raw(server.port(), "HELLO\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertRawErrorResponse(raw);
    }

    @Test
    void anInternalFailureIs500WithoutAStackTraceAndTheServerKeepsServing() throws Exception {
        // A scheduler that was shut down makes every delayed reply fail inside the request.
        ScheduledExecutorService broken = Executors.newSingleThreadScheduledExecutor();
        broken.shutdownNow();
        MockServerConfig config = MockServerConfig.builder().port(0).build();
        FixtureLoader loader = new FixtureLoader();
        Javalin app = MockApp.create(new MockApp.Parts(config, new FixtureStore(loader.loadBundled()), loader,
                loader::loadBundled, () -> null, MockServer.bundledSpec(), TimeMeter.SYSTEM_NANOTIME, broken,
                new RequestJournal(10))).start("127.0.0.1", 0);
        try {
            TestHttp brokenHttp = new TestHttp("http://127.0.0.1:" + app.port());

            HttpResponse<String> failed = brokenHttp.get(TestHttp.GET_CALL + "call_nw_1001",
                    "Authorization", "Bearer " + TestHttp.NORTHWIND_KEY, "Prefer", "delay=5");
            HttpResponse<String> next = brokenHttp.getCall("call_nw_1001", TestHttp.NORTHWIND_KEY);

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).isEqualTo("{\"success\":false,\"message\":\"Internal server error\"}");
            assertThat(next.statusCode()).isEqualTo(200);
        } finally {
            app.stop();
        }
    }

    private static void assertRawErrorResponse(String raw) {
        String head = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase();
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        assertThat(head).contains("content-type: application/json");
        assertErrorResponse(400, body, "application/json");
    }

    private static void assertErrorResponse(int status, String body, String contentType) {
        assertThat(contentType).isEqualTo("application/json");
        JsonNode node = JSON.readTree(body);
        assertThat(node.get("success").asBoolean()).isFalse();
        assertThat(node.get("message").isString()).isTrue();
        assertThat(body).doesNotContain("Exception", "\tat ");
        assertThat(status).isBetween(400, 599);
    }

    private static String message(String body) {
        return JSON.readTree(body).get("message").asString();
    }
}
