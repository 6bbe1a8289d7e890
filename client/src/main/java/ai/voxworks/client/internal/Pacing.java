package ai.voxworks.client.internal;

import ai.voxworks.client.RateLimitStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * How often to poll a call that is still moving, stated once for the client's {@code awaitCall}
 * and the recorder's {@code --follow}: every second at first, half as long again after each answer
 * that brought no change (up to {@link #LONGEST}), back to a second after one that did; and never
 * faster than the rate-limit budget the last answer showed allows, so that a poller that can see
 * its budget never draws a 429 of its own making.
 */
public final class Pacing {

    /** The first interval, and the one after an answer that changed. */
    public static final Duration FIRST = Duration.ofSeconds(1);
    /** The longest interval a quiet call backs off to. */
    public static final Duration LONGEST = Duration.ofSeconds(10);
    /** What an exhausted budget is waited out for when the answer did not say when its window starts again. */
    public static final Duration UNKNOWN_RESET = Duration.ofMinutes(1);

    private Pacing() {
    }

    /** The interval after {@code interval} when the answer brought nothing new: half as long again, at most {@link #LONGEST}. */
    public static Duration slower(Duration interval) {
        Duration next = interval.plus(interval.dividedBy(2));
        return next.compareTo(LONGEST) > 0 ? LONGEST : next;
    }

    /**
     * How long to wait before the next request: {@code interval}, or longer when the budget the
     * last answer showed would not last: with {@code r} requests left and the window starting again
     * in {@code t}, at least {@code t / r} (the budget spread evenly over what is left of the
     * window); with none left, the whole {@code t} ({@link #UNKNOWN_RESET} when the answer did not
     * say).
     */
    public static Duration next(Duration interval, Optional<RateLimitStatus> limit) {
        if (limit.isEmpty()) {
            return interval;
        }
        RateLimitStatus status = limit.get();
        Duration reset = status.reset();
        Duration floor;
        if (status.exhausted()) {
            floor = reset == null ? UNKNOWN_RESET : reset;
        } else {
            floor = reset == null ? Duration.ZERO : reset.dividedBy(status.remaining());
        }
        return floor.compareTo(interval) > 0 ? floor : interval;
    }
}
