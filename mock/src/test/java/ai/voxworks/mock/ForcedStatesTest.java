package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.LocalServer;
import ai.voxworks.mock.testing.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ForcedStatesTest {

    @RegisterExtension
    static final LocalServer mock = LocalServer.withDefaults();

    private static HttpResponse<String> prefer(String prefer) {
        return mock.http().get(TestHttp.GET_CALL + "call_nw_1001",
                "Authorization", "Bearer " + NORTHWIND_KEY, "Prefer", prefer);
    }

    @Test
    void preferCode500ReturnsTheDocumentedServerError() {
        HttpResponse<String> response = prefer("code=500");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"success\":false,\"message\":\"Internal server error\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void preferCode401ReturnsInvalidKeyWithChallenge() {
        HttpResponse<String> response = prefer("code=401");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"success\":false,\"message\":\"Invalid API key\"}");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void preferCode404ReturnsNotFoundEvenForAnOwnCall() {
        HttpResponse<String> response = prefer("code=404");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"success\":false,\"message\":\"Call not found\"}");
    }

    @Test
    void preferCode429ReturnsRateLimitedWithItsHeaders() {
        HttpResponse<String> response = prefer("code=429");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("60");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
    }

    @Test
    void forcedStatesNeedNoKey() {
        HttpResponse<String> response = mock.http().get(TestHttp.GET_CALL + "anything", "Prefer", "code=500");

        assertThat(response.statusCode()).isEqualTo(500);
    }

    @Test
    void preferCode200IsTheNormalPath() {
        assertThat(prefer("code=200").statusCode()).isEqualTo(200);
    }

    @Test
    void undocumentedCodeIsABadRequestThatSaysWhich() {
        HttpResponse<String> response = prefer("code=418");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("code=418", "200, 401, 404, 429 or 500");
    }

    @Test
    void nonNumericCodeIsABadRequest() {
        HttpResponse<String> response = prefer("code=teapot");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("code=teapot is not an HTTP status code");
    }

    @Test
    void preferDelaySlowsTheResponse() {
        long started = System.nanoTime();
        HttpResponse<String> response = prefer("delay=400");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void codeAndDelayCombine() {
        long started = System.nanoTime();
        HttpResponse<String> response = prefer("code=500, delay=300");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void badDelayIsABadRequest() {
        assertThat(prefer("delay=soon").body()).contains("delay=soon is not a whole number of milliseconds");
        assertThat(prefer("delay=999999999").statusCode()).isEqualTo(400);
    }

    @Test
    void configuredLatencySlowsEveryApiResponse() {
        try (MockServer slow = MockServer.start(MockServerConfig.builder().port(0).latency(Duration.ofMillis(300)).build())) {
            TestHttp slowHttp = new TestHttp(slow.baseUrl());
            for (String key : new String[] {NORTHWIND_KEY, "vx_wrong_key_1234"}) {
                long started = System.nanoTime();
                slowHttp.getCall("call_nw_1001", key);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            }
        }
    }

    @Test
    void preferDelayZeroOverridesTheConfiguredLatency() {
        try (MockServer slow = MockServer.start(MockServerConfig.builder().port(0).latency(Duration.ofSeconds(5)).build())) {
            TestHttp slowHttp = new TestHttp(slow.baseUrl());
            long started = System.nanoTime();
            HttpResponse<String> response = slowHttp.get(TestHttp.GET_CALL + "call_nw_1001",
                    "Authorization", "Bearer " + NORTHWIND_KEY, "Prefer", "delay=0");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }
}
