package ai.voxworks.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The opt-in throttle ({@link VoxworksClient.Builder#throttle}): when a response said nothing
 * remains in the window and when the window starts again, the next request waits for that moment
 * instead of being sent to collect a 429. The one thing a client with the throttle on keeps from
 * a response; shared by its threads, so concurrent calls all wait.
 */
final class Throttle {

    /** No throttle: never waits, keeps nothing. */
    static final Throttle OFF = new Throttle(null);

    private final Clock clock;
    private final AtomicReference<Instant> resumeAt = new AtomicReference<>();

    private Throttle(Clock clock) {
        this.clock = clock;
    }

    static Throttle on(Clock clock) {
        return new Throttle(clock);
    }

    boolean enabled() {
        return this != OFF;
    }

    /** How long to wait before sending, {@link Duration#ZERO} for not at all. */
    Duration waitBeforeSending() {
        Instant at = resumeAt.get();
        if (at == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Takes note of what a response said about the limit. */
    void observe(Optional<RateLimitStatus> status) {
        status.filter(RateLimitStatus::exhausted).map(RateLimitStatus::reset).ifPresent(reset -> {
            Instant at = clock.instant().plus(reset);
            resumeAt.accumulateAndGet(at, (old, next) -> old == null || next.isAfter(old) ? next : old);
        });
    }
}
