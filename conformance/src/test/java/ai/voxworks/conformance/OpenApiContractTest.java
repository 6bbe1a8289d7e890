package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.voxworks.conformance.Target.Setting;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The validator is live and checks what the spec states, no more: canned responses from a real
 * server on loopback, through {@link Http#get} as the cases send them.
 */
class OpenApiContractTest {

    private static final String CALL = "{\"success\":true,\"call\":{\"id\":\"c1\",\"duration\":%s,\"end_time\":%s}}";
    private static final String LIMITED = "{\"success\":false,\"message\":\"Rate limit exceeded\"}";

    private MockWebServer server;
    private volatile int status;
    private volatile String contentType;
    private volatile String body;
    private volatile Map<String, String> headers = Map.of();
    private Http http;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                MockResponse.Builder reply = new MockResponse.Builder().code(status).setHeader("Content-Type", contentType)
                        .body(body);
                headers.forEach(reply::addHeader);
                return reply.build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        Target target = Target.read(Map.of(Setting.BASE_URL.property, "http://127.0.0.1:" + server.getPort(), Setting.API_KEY.property,
                "vx_test_contract_key_000001", Setting.CALL_ID.property, "c1")::get, name -> null);
        http = new Http(target, OpenApiContract.load(target.spec()), new ManualTime().asTime());
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private void answer(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    /** The exchange, when the contract let it through. */
    private Exchange get() {
        return http.get("c1", Credentials.bearer("vx_test_contract_key_000001", "VOXWORKS_API_KEY"));
    }

    /** The problems the contract found, when it refused the response. */
    private String rejection() {
        ConformanceFailure failure = catchThrowableOfType(ConformanceFailure.class, this::get);
        assertThat(failure).as("the contract should have refused the response").isNotNull();
        assertThat(failure.check()).startsWith("every response conforms to");
        return failure.getMessage();
    }

    @Test
    void durationAsAStringIsRejected() {
        answer(200, "application/json", CALL.formatted("\"abc\"", "null"));

        assertThat(rejection()).contains("body /call/duration: string found, [integer, null] expected");
    }

    @Test
    void durationNullAndAValidCallAreAccepted() {
        answer(200, "application/json; charset=utf-8", CALL.formatted("null", "\"2026-11-20T14:03:31Z\""));

        assertThat(get().status()).isEqualTo(200);
    }

    @Test
    void missingSuccessIsRejected() {
        answer(404, "application/json", "{\"message\":\"Call not found\"}");

        assertThat(rejection()).contains("success");
    }

    @Test
    void badDateTimeIsRejected() {
        answer(200, "application/json", CALL.formatted("12", "\"yesterday\""));

        assertThat(rejection()).contains("/call/end_time");
    }

    @Test
    void undocumentedStatusIsRejected() {
        answer(418, "application/json", "{\"success\":false,\"message\":\"teapot\"}");

        assertThat(rejection()).contains("status 418 is not documented for getCall (documented: [200, 401, 404, 429, 500])");
    }

    @Test
    void htmlIsRejected() {
        answer(500, "text/html", "<html>oops</html>");

        assertThat(rejection()).contains("Content-Type is 'text/html', the spec documents application/json for 500",
                "body is not JSON");
    }

    @Test
    void aSuccessWithoutRateLimitHeadersMeetsTheContract() {
        answer(200, "application/json", CALL.formatted("12", "null"));

        assertThat(get().header("X-RateLimit-Limit")).isEmpty();
    }

    /** The spec documents the 429's headers without marking them required. */
    @Test
    void a429WithoutItsHeadersMeetsTheContract() {
        answer(429, "application/json", LIMITED);

        assertThat(http.violations(http.send("c1", Credentials.NONE))).isEmpty();
    }

    @Test
    void a429WithAnHttpDateRetryAfterMeetsTheContract() {
        headers = Map.of("Retry-After", "Wed, 25 Nov 2026 14:03:31 GMT");
        answer(429, "application/json", LIMITED);

        assertThat(http.violations(http.send("c1", Credentials.NONE))).isEmpty();
    }

    @Test
    void a429WithAMalformedRetryAfterDoesNot() {
        headers = Map.of("Retry-After", "soon", "X-RateLimit-Remaining", "0");
        answer(429, "application/json", LIMITED);

        assertThat(http.violations(http.send("c1", Credentials.NONE)))
                .containsExactly("header Retry-After: 'soon' is neither seconds nor an HTTP-date (RFC 9110)");
    }

    @Test
    void aServerEchoingTheKeyHasItMaskedInWhatIsShown() {
        answer(401, "application/json", "{\"success\":false,\"message\":\"Invalid API key vx_test_contract_key_000001\"}");

        Exchange refused = get();

        assertThat(String.join("\n", refused.describe())).contains("Bearer vx_test_…0001", "Invalid API key vx_test_…0001")
                .doesNotContain("contract_key");
    }
}
