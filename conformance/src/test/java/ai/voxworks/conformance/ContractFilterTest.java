package ai.voxworks.conformance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The validator is live: canned responses from a real server on loopback, through Rest Assured and the filter. */
class ContractFilterTest {

    private static final String CALL = "{\"success\":true,\"call\":{\"id\":\"c1\",\"duration\":%s,\"end_time\":%s}}";

    private StubHttpServer server;
    private volatile int status;
    private volatile String contentType;
    private volatile String body;
    private volatile Map<String, String> headers = Map.of();
    private RequestSpecification spec;

    @BeforeEach
    void start() {
        server = new StubHttpServer(exchange -> {
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            StubHttpServer.send(exchange, status, contentType, body);
        });
        spec = new RequestSpecBuilder().setBaseUri(server.baseUrl())
                .addFilter(new ContractFilter(OpenApiContract.load())).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    /** The response, when the filter let it through. */
    private Response get() {
        return given(spec).get("/api/v1/get-call/c1");
    }

    /** What the filter said, when it stopped the response. */
    private AssertionError rejection() {
        AssertionError error = catchThrowableOfType(AssertionError.class, this::get);
        assertThat(error).as("the filter should have rejected the response").isNotNull();
        assertThat(error).hasMessageContaining("answered " + status + " outside the contract");
        return error;
    }

    @Test
    void durationAsAStringIsRejected() {
        answer(200, "application/json", CALL.formatted("\"abc\"", "null"));

        assertThat(rejection()).hasMessageContaining("/call/duration").hasMessageContaining("string found");
    }

    @Test
    void durationNullIsAccepted() {
        answer(200, "application/json", CALL.formatted("null", "null"));

        Response response = get();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("call.id")).isEqualTo("c1");
    }

    @Test
    void aCompleteValidCallIsAccepted() {
        answer(200, "application/json; charset=utf-8", CALL.formatted("12", "\"2026-11-20T14:03:31Z\""));

        Response response = get();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getInt("call.duration")).isEqualTo(12);
    }

    @Test
    void missingSuccessIsRejected() {
        answer(404, "application/json", "{\"message\":\"Call not found\"}");

        assertThat(rejection()).hasMessageContaining("success");
    }

    @Test
    void badDateTimeIsRejected() {
        answer(200, "application/json", CALL.formatted("12", "\"yesterday\""));

        assertThat(rejection()).hasMessageContaining("/call/end_time");
    }

    @Test
    void undocumentedStatusIsRejected() {
        answer(418, "application/json", "{\"success\":false,\"message\":\"teapot\"}");

        assertThat(rejection()).hasMessageContaining("status 418 is not documented");
    }

    @Test
    void htmlIsRejected() {
        answer(500, "text/html", "<html>oops</html>");

        assertThat(rejection()).hasMessageContaining("Content-Type is 'text/html'")
                .hasMessageContaining("body is not JSON");
    }

    @Test
    void rateLimitedWithoutItsHeadersIsRejected() {
        answer(429, "application/json", "{\"success\":false,\"message\":\"Rate limit exceeded\"}");

        assertThat(rejection()).hasMessageContaining("header Retry-After is documented for 429 but missing");
    }

    @Test
    void rateLimitedWithItsHeadersIsAccepted() {
        headers = Map.of("Retry-After", "3", "X-RateLimit-Limit", "60", "X-RateLimit-Remaining", "0");
        answer(429, "application/json", "{\"success\":false,\"message\":\"Rate limit exceeded\"}");

        Response response = get();

        // What came through the filter is the server's 429, its headers included.
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isEqualTo("3");
        assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("0");
    }
}
