package ai.voxworks.integration;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.client.RateLimitStatus;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The client's RateLimitStatus reads either style of rate-limit field as the real mock sends them. */
class RateLimitFieldsFromMockTest {

    private static final String KEY = "vx_test_northwind_primary_7f3a9c";

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
}
