package ai.voxworks.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every error, from any layer, is the spec's ErrorResponse JSON. */
class ErrorResponsesTest {

    @RegisterExtension
    static final LocalServer mock = LocalServer.with(b -> b.rateLimit(RateLimit.off()));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void unknownRouteIs404ErrorResponse() {
        HttpResponse<String> response = mock.http().get("/api/v2/get-call/call_nw_1001");

        assertErrorResponse(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(message(response.body())).isEqualTo("No such endpoint: GET /api/v2/get-call/call_nw_1001");
    }

    @Test
    void wrongMethodIs405ErrorResponse() {
        HttpResponse<String> response = mock.http().send("DELETE", TestHttp.GET_CALL + "call_nw_1001",
                "Authorization", "Bearer " + DemoData.NORTHWIND_KEY);

        assertThat(response.statusCode()).isEqualTo(405);
        assertErrorResponse(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        assertThat(message(response.body())).contains("DELETE");
    }

    @Test
    void malformedPathEncodingIs400ErrorResponse() {
        String raw = TestHttp.raw(mock.server().port(), "GET /api/v1/get-call/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertRawErrorResponse(raw);
    }

    @Test
    void oversizedHeaderIs431ErrorResponse() {
        String big = "a".repeat(20_000);
        String raw = TestHttp.raw(mock.server().port(),
                "GET /api/v1/get-call/x HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 431");
        assertRawErrorResponse(raw);
    }

    @Test
    void garbageRequestLineIs400ErrorResponse() {
        String raw = TestHttp.raw(mock.server().port(), "HELLO\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertRawErrorResponse(raw);
    }

    private static void assertRawErrorResponse(String raw) {
        String head = raw.substring(0, raw.indexOf("\r\n\r\n"));
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        int status = Integer.parseInt(head.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        assertThat(head.toLowerCase()).contains("content-type: application/json");
        assertErrorResponse(status, body, "application/json");
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
