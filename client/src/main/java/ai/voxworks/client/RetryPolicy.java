package ai.voxworks.client;

import ai.voxworks.client.internal.Backoff;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try again, and how long to wait first. A 429 waits what {@code Retry-After} asks, when
 * that is within {@code maxRetryWait}, and fails at once when it is longer; 500, 502, 503, 504 and
 * transport failures back off exponentially with full jitter; nothing else is retried.
 *
 * @param maxRetries     retries after the first attempt; 0 turns retrying off
 * @param maxRetryWait   the longest {@code Retry-After} waited out
 * @param initialBackoff the first backoff ceiling, doubling per attempt up to {@link Backoff#CAP}
 * @param random         jitter, values in [0, 1)
 */
record RetryPolicy(int maxRetries, Duration maxRetryWait, Duration initialBackoff, DoubleSupplier random) {

    /** How long to wait before retrying after {@code failure} in attempt {@code attempt} (from 0), or {@code null} to give up. */
    Duration delay(VoxworksException failure, int attempt) {
        if (attempt >= maxRetries) {
            return null;
        }
        if (failure instanceof RateLimitException limited) {
            Optional<Duration> asked = limited.retryAfter();
            if (asked.isPresent()) {
                return asked.get().compareTo(maxRetryWait) <= 0 ? asked.get() : null;
            }
            return backoff(attempt);
        }
        boolean retryable = failure instanceof TransportException
                || (failure instanceof ServerException && Backoff.retryableStatus(failure.status()));
        return retryable ? backoff(attempt) : null;
    }

    private Duration backoff(int attempt) {
        return Backoff.fullJitter(initialBackoff, attempt, random.getAsDouble());
    }
}
