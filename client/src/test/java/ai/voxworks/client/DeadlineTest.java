package ai.voxworks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One getCall, retries included, ends by its deadline, whatever the server does. */
class DeadlineTest {

    private static final String KEY = "vx_test_deadline_key_0000_9999";
    private static final String CALL = "{\"success\":true,\"call\":{\"id\":\"c1\",\"status\":\"completed\"}}";

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private VoxworksClient client(Duration deadline) {
        // Real waits between attempts: the deadline must cover them too.
        return VoxworksClient.builder().apiKey(KEY).baseUrl(server.url("/").toString())
                .readTimeout(Duration.ofSeconds(5)).maxRetries(2).initialBackoff(Duration.ofMillis(100))
                .deadline(deadline).build();
    }

    private static MockResponse silent() {
        return new MockResponse.Builder().code(200).body(CALL).headersDelay(10, TimeUnit.SECONDS).build();
    }

    private static MockResponse dripping() {
        // One byte every 100 ms: every read returns in time, the body never ends in time.
        return new MockResponse.Builder().code(200).body(CALL + " ".repeat(200)).throttleBody(1, 100, TimeUnit.MILLISECONDS).build();
    }

    @Test
    void aServerThatNeverAnswersCostsTheDeadlineNotThreeReadTimeouts() {
        server.enqueue(silent());
        server.enqueue(silent());
        server.enqueue(silent());
        try (VoxworksClient client = client(Duration.ofSeconds(1))) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> client.getCall("c1")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("timed out").hasMessageContaining("1 s deadline").hasMessageNotContaining(KEY);

            assertThat(elapsedMs(started)).isBetween(900L, 2_500L);
        }
    }

    @Test
    void aServerDrippingItsBodyIsCutOffAtTheDeadline() {
        server.enqueue(dripping());
        try (VoxworksClient client = client(Duration.ofSeconds(1))) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> client.getCall("c1")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("1 s deadline");

            assertThat(elapsedMs(started)).isBetween(900L, 2_500L);
        }
    }

    @Test
    void theAsyncCallKeepsTheSameDeadline() {
        server.enqueue(dripping());
        try (VoxworksClient client = client(Duration.ofSeconds(1))) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> client.getCallAsync("c1").join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(TransportException.class);

            assertThat(elapsedMs(started)).isBetween(900L, 2_500L);
        }
    }

    @Test
    void aRetryWhoseWaitWouldCrossTheDeadlineIsNotMade() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "5")
                .body("{\"success\":false,\"message\":\"Rate limit exceeded\"}").build());
        try (VoxworksClient client = client(Duration.ofSeconds(2))) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> client.getCall("c1")).isInstanceOf(RateLimitException.class);

            assertThat(elapsedMs(started)).isLessThan(1_000L);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aZeroDeadlineWaitsAsLongAsTheTimeoutsAllow() {
        server.enqueue(new MockResponse.Builder().code(200).body(CALL).headersDelay(1500, TimeUnit.MILLISECONDS).build());
        try (VoxworksClient client = client(Duration.ZERO)) {
            assertThat(client.getCall("c1").status()).isEqualTo("completed");
        }
    }

    @Test
    void variantsKeepTheDeadlineAndAddNoSecondInterceptor() {
        server.enqueue(dripping());
        try (VoxworksClient client = client(Duration.ofSeconds(1)); VoxworksClient variant = client.newBuilder().build()) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> variant.getCall("c1")).isInstanceOf(TransportException.class);

            assertThat(elapsedMs(started)).isLessThan(2_500L);
        }
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
