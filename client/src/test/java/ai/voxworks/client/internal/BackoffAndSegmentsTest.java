package ai.voxworks.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffAndSegmentsTest {

    @Test
    void backoffDoublesFromTheInitialCeilingUpToTheCapWithFullJitter() {
        Duration initial = Duration.ofMillis(500);

        assertThat(Backoff.fullJitter(initial, 0, 0.999)).isEqualTo(Duration.ofMillis(499));
        assertThat(Backoff.fullJitter(initial, 2, 0.5)).isEqualTo(Duration.ofMillis(1000));
        assertThat(Backoff.fullJitter(initial, 30, 0.999)).isLessThan(Backoff.CAP);
        assertThat(Backoff.fullJitter(initial, 3, 0.0)).isZero();
    }

    @Test
    void onlyTheTransientServerStatusesAreRetried() {
        assertThat(java.util.List.of(500, 502, 503, 504)).allMatch(Backoff::retryableStatus);
        assertThat(java.util.List.of(400, 401, 404, 429, 501, 505)).noneMatch(Backoff::retryableStatus);
    }

    @Test
    void anIdIsOnePathSegmentWhateverItHolds() {
        assertThat(PathSegments.encode("call_nw_1001")).isEqualTo("call_nw_1001");
        assertThat(PathSegments.encode("a/b")).isEqualTo("a%2Fb");
        assertThat(PathSegments.encode("call 1+2%ü")).isEqualTo("call%201%2B2%25%C3%BC");
        assertThat(PathSegments.encode("..")).isEqualTo("%2E%2E");
        assertThat(PathSegments.encode("v1.2")).isEqualTo("v1.2");
    }
}
