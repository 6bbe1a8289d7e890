package ai.voxworks.conformance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The validator is live: canned responses from a real server on loopback, through Rest Assured and the filter. */
class ContractFilterTest {

    private static final String CALL = "{\"success\":true,\"call\":{\"id\":\"c1\",\"duration\":%s,\"end_time\":%s}}";

    private HttpServer server;
    private volatile int status;
    private volatile String contentType;
    private volatile String body;
    private volatile Map<String, String> headers = Map.of();
    private RequestSpecification spec;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        spec = new RequestSpecBuilder().setBaseUri("http://127.0.0.1:" + server.getAddress().getPort())
                .addFilter(new ContractFilter(OpenApiContract.load())).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    private void get() {
        given(spec).get("/api/v1/get-call/c1");
    }

    @Test
    void durationAsAStringIsRejected() {
        answer(200, "application/json", CALL.formatted("\"abc\"", "null"));

        assertThatThrownBy(this::get).isInstanceOf(AssertionError.class)
                .hasMessageContaining("/call/duration").hasMessageContaining("string found");
    }

    @Test
    void durationNullIsAccepted() {
        answer(200, "application/json", CALL.formatted("null", "null"));

        get();
    }

    @Test
    void aCompleteValidCallIsAccepted() {
        answer(200, "application/json; charset=utf-8", CALL.formatted("12", "\"2026-11-20T14:03:31Z\""));

        get();
    }

    @Test
    void missingSuccessIsRejected() {
        answer(404, "application/json", "{\"message\":\"Call not found\"}");

        assertThatThrownBy(this::get).hasMessageContaining("success");
    }

    @Test
    void badDateTimeIsRejected() {
        answer(200, "application/json", CALL.formatted("12", "\"yesterday\""));

        assertThatThrownBy(this::get).hasMessageContaining("/call/end_time");
    }

    @Test
    void undocumentedStatusIsRejected() {
        answer(418, "application/json", "{\"success\":false,\"message\":\"teapot\"}");

        assertThatThrownBy(this::get).hasMessageContaining("status 418 is not documented");
    }

    @Test
    void htmlIsRejected() {
        answer(500, "text/html", "<html>oops</html>");

        assertThatThrownBy(this::get).hasMessageContaining("Content-Type is 'text/html'")
                .hasMessageContaining("body is not JSON");
    }

    @Test
    void rateLimitedWithoutItsHeadersIsRejected() {
        answer(429, "application/json", "{\"success\":false,\"message\":\"Rate limit exceeded\"}");

        assertThatThrownBy(this::get).hasMessageContaining("header Retry-After is documented for 429 but missing");
    }

    @Test
    void rateLimitedWithItsHeadersIsAccepted() {
        headers = Map.of("Retry-After", "3", "X-RateLimit-Limit", "60", "X-RateLimit-Remaining", "0");
        answer(429, "application/json", "{\"success\":false,\"message\":\"Rate limit exceeded\"}");

        get();
        assertThat(status).isEqualTo(429);
    }
}
