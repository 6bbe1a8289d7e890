package ai.voxworks.client;

import static org.assertj.core.api.Assertions.assertThat;

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
