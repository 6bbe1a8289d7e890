package ai.voxworks.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.client.RateLimitException;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.mock.RateLimit;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every attribute of {@code @VoxworksMockTest} set, the directory as a relative path. */
@VoxworksMockTest(fixturesDir = "src/test/fixtures/small", rateLimit = "2/1h", latency = "150ms")
class AttributesTest {

    @Test
    void fixturesComeFromTheDirectoryRelativeToTheWorkingDirectory(VoxworksMock mock) {
        assertThat(mock.server().config().fixturesDir()).contains(Path.of("src/test/fixtures/small").toAbsolutePath());
        assertThat(mock.server().fixtures().calls()).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo("call_acme_1"));
        // client() takes its key from these fixtures.
        assertThat(mock.client().getCall("call_acme_1").duration()).isEqualTo(42L);
    }

    @Test
    void resetReadsTheDirectoryAgain(VoxworksMock mock) {
        mock.remove("call_acme_1");
        mock.put("{\"id\":\"call_acme_2\",\"team_id\":\"team_acme\",\"status\":\"queued\"}");

        mock.reset();

        assertThat(mock.server().fixtures().calls()).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo("call_acme_1"));
    }

    @Test
    void thirdRequestIsRateLimitedAtOnceWithoutRetrying(VoxworksMock mock) {
        assertThat(mock.server().config().rateLimit()).isEqualTo(RateLimit.parse("2/1h"));
        VoxworksClient client = mock.client();
        client.getCall("call_acme_1");
        client.getCall("call_acme_1");

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.getCall("call_acme_1"))
                .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.retryAfter()).isPresent());
        // One request with 150 ms of latency, not a retry after a Retry-After of half an hour.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(mock.requestsWithStatus(429)).hasSize(1);
    }

    @Test
    void everyResponseIsDelayed(VoxworksMock mock) {
        assertThat(mock.server().config().latency()).isEqualTo(Duration.ofMillis(150));
        long start = System.nanoTime();
        mock.client().getCall("call_acme_1");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
}
