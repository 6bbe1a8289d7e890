package ai.voxworks.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** RateLimitStatus reads either style of rate-limit field, X-RateLimit-* or the IETF draft's. */
class RateLimitFieldsTest {

    private static final String KEY = "vx_test_northwind_primary_7f3a9c";
    private static final String CALL = "{\"success\":true,\"call\":{\"id\":\"c1\"}}";

    private static RateLimitStatus statusFrom(RateLimit.HeaderStyle style) {
        MockServerConfig config = MockServerConfig.builder().port(0).rateLimit(RateLimit.parse("burst=5/10s,sustained=100/1h"))
                .rateLimitHeaders(style).build();
        try (MockServer mock = MockServer.start(config);
             VoxworksClient client = VoxworksClient.builder().apiKey(KEY).baseUrl(mock.baseUrl()).build()) {
            return client.getCallResponse("call_nw_1001").rateLimit().orElseThrow();
        }
    }

    @Test
    void ietfFieldsGiveThePolicyItsQuotaWhatRemainsAndTheReset() {
        RateLimitStatus status = statusFrom(RateLimit.HeaderStyle.IETF);

        assertThat(status.policy()).isEqualTo("burst");
        assertThat(status.limit()).isEqualTo(5L);
        assertThat(status.remaining()).isEqualTo(4);
        assertThat(status.reset()).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10));
    }

    @Test
    void xFieldsGiveLimitRemainingAndReset() {
        RateLimitStatus status = statusFrom(RateLimit.HeaderStyle.X);

        assertThat(status.policy()).isNull();
        assertThat(status.limit()).isEqualTo(5L);
        assertThat(status.remaining()).isEqualTo(4);
        assertThat(status.reset()).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10));
    }

    @Test
    void unreadableIetfFieldsFallBackToTheXOnesAndAnEpochResetIsAnInstant() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).body(CALL)
                    .addHeader("RateLimit", "\"default\";r=oops")
                    .addHeader("X-RateLimit-Limit", "60").addHeader("X-RateLimit-Remaining", "7")
                    .addHeader("X-RateLimit-Reset", Long.toString(clock.instant().getEpochSecond() + 42)).build());
            server.enqueue(new MockResponse.Builder().code(200).body(CALL).addHeader("RateLimit", "default;r=3").build());
            try (VoxworksClient client = VoxworksClient.builder().apiKey(KEY).baseUrl(server.url("/").toString())
                    .clock(clock).build()) {
                RateLimitStatus x = client.getCallResponse("c1").rateLimit().orElseThrow();
                RateLimitStatus token = client.getCallResponse("c1").rateLimit().orElseThrow();

                assertThat(x).isEqualTo(new RateLimitStatus(null, 60L, 7, Duration.ofSeconds(42)));
                assertThat(token).isEqualTo(new RateLimitStatus("default", null, 3, null));
            }
        }
    }
}
