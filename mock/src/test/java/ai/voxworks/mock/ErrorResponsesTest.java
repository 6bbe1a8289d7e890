package ai.voxworks.mock;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.LocalServer;
import ai.voxworks.mock.testing.RawHttp;
import ai.voxworks.mock.testing.TestHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every error, from any layer and for every method, is the spec's ErrorResponse JSON. */
class ErrorResponsesTest {

    @RegisterExtension
    static final LocalServer mock = LocalServer.with(b -> b.rateLimit(RateLimit.off()));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RawHttp.Response raw(String request) {
        return RawHttp.send(mock.server().port(), request);
    }

    @Test
    void unknownRouteIs404ErrorResponse() {
        HttpResponse<String> response = mock.http().get("/api/v2/get-call/call_nw_1001");

        assertErrorResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(message(response.body())).isEqualTo("No such endpoint: GET /api/v2/get-call/call_nw_1001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "POST", "PUT", "PATCH"})
    void wrongMethodIs405ErrorResponseWithAllow(String method) {
        HttpResponse<String> response = mock.http().send(method, TestHttp.GET_CALL + "call_nw_1001",
                "Authorization", "Bearer " + DemoData.NORTHWIND_KEY);

        assertThat(response.statusCode()).isEqualTo(405);
        assertErrorResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        assertThat(message(response.body())).contains(method);
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "HEAD"));
    }

    @Test
    void malformedPathEncodingIs400ErrorResponse() {
        RawHttp.Response response = raw("GET /api/v1/get-call/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertRawErrorResponse(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW"})
    void oversizedHeaderIs431ErrorResponseForEveryMethod(String method) {
        RawHttp.Response response = raw(method + " /api/v1/get-call/x HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(431);
        assertRawErrorResponse(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELLO\r\n\r\n", "GET /x HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
        "PUT /api/v1/get-call/x HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"})
    void malformedRequestIs400ErrorResponse(String request) {
        RawHttp.Response response = raw(request);

        assertThat(response.status()).isEqualTo(400);
        assertRawErrorResponse(response);
    }

    @Test
    void optionsStarIsAnErrorResponse() {
        RawHttp.Response response = raw("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isBetween(400, 499);
        assertRawErrorResponse(response);
    }

    @Test
    void http2PrefaceIs426SayingHttp11() {
        RawHttp.Response response = raw("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");

        assertThat(response.status()).isEqualTo(426);
        assertRawErrorResponse(response);
        assertThat(message(response.text())).contains("HTTP/1.1");
    }

    @Test
    void unknownHttpVersionIs505SayingSo() {
        RawHttp.Response response = raw("GET /api/v1/get-call/x HTTP/3.7\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(505);
        assertRawErrorResponse(response);
        assertThat(message(response.text())).contains("HTTP Version Not Supported").doesNotContain("Internal server error");
    }

    @Test
    void truncatedAdminBodyIs400AndTheServerKeepsServing() {
        RawHttp.Response response = raw("PUT /__mock/calls/call_x HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\nConnection: close\r\n\r\n{\"id\":");

        assertThat(response.status()).isEqualTo(400);
        assertRawErrorResponse(response);
        assertThat(message(response.text())).contains("ended before its Content-Length");
        assertThat(mock.http().getCall("call_nw_1001", DemoData.NORTHWIND_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void deeplyNestedAdminBodyIs400NamingTheProblemNotJackson() {
        String nested = "{\"id\":\"call_x\",\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        HttpResponse<String> response = mock.http().sendBody("PUT", "/__mock/calls/call_x", nested,
                "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response.body())).contains("nesting depth").doesNotContain("StreamReadConstraints", "()`");
    }

    private static void assertRawErrorResponse(RawHttp.Response response) {
        assertErrorResponse(response.status(), response.header("Content-Type"), response.text());
    }

    private static void assertErrorResponse(int status, String contentType, String body) {
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
