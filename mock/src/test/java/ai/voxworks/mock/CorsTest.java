package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.TestHttp;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsTest {

    private static final String APP = "http://localhost:5173";

    @Test
    void preflightIsAnsweredWithoutAuth() {
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).build())) {
            HttpResponse<String> preflight = new TestHttp(server.baseUrl()).send("OPTIONS", TestHttp.GET_CALL + "call_nw_1001",
                    "Origin", APP,
                    "Access-Control-Request-Method", "GET",
                    "Access-Control-Request-Headers", "authorization, prefer");

            assertThat(preflight.statusCode()).isBetween(200, 204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                    .contains("authorization", "prefer");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("GET");
        }
    }

    @Test
    void browserCanReadTheRateLimitHeaders() {
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).build())) {
            TestHttp http = new TestHttp(server.baseUrl());
            for (String prefer : List.of("code=200", "code=429")) {
                HttpResponse<String> response = http.get(TestHttp.GET_CALL + "call_nw_1001",
                        "Origin", APP, "Authorization", "Bearer " + NORTHWIND_KEY, "Prefer", prefer);

                assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
                assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                        .contains("X-RateLimit-Limit", "X-RateLimit-Remaining", "Retry-After");
            }
        }
    }

    @Test
    void errorResponsesCarryCorsHeadersToo() {
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).build())) {
            HttpResponse<String> unauthorized = new TestHttp(server.baseUrl())
                    .get(TestHttp.GET_CALL + "call_nw_1001", "Origin", APP);

            assertThat(unauthorized.statusCode()).isEqualTo(401);
            assertThat(unauthorized.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        }
    }

    @Test
    void configuredOriginsAreAllowedAndOthersAreNot() {
        MockServerConfig config = MockServerConfig.builder().port(0).corsOrigins(List.of(APP, "https://app.example.com")).build();
        try (MockServer server = MockServer.start(config)) {
            TestHttp http = new TestHttp(server.baseUrl());

            HttpResponse<String> allowed = http.get(TestHttp.GET_CALL + "call_nw_1001", "Origin", "https://app.example.com",
                    "Authorization", "Bearer " + NORTHWIND_KEY);
            HttpResponse<String> other = http.get(TestHttp.GET_CALL + "call_nw_1001", "Origin", "https://evil.example",
                    "Authorization", "Bearer " + NORTHWIND_KEY);

            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }
}
