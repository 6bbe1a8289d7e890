package ai.voxworks.mock;

import ai.voxworks.mock.internal.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * How many get-call requests one API key may make per window, or {@link #off()}.
 *
 * <p>Written as {@code REQUESTS/WINDOW}, for example {@code 60/60s}, {@code 100/1m} or
 * {@code 5/500ms}; {@code off} disables the limiter.
 *
 * @param requests requests allowed per window; 0 when the limiter is off
 * @param window length of the window; zero when the limiter is off
 */
public record RateLimit(long requests, Duration window) {

    /** The default: 60 requests per 60 seconds per API key. */
    public static final RateLimit DEFAULT = new RateLimit(60, Duration.ofSeconds(60));

    private static final RateLimit OFF = new RateLimit(0, Duration.ZERO);

    public RateLimit {
        Objects.requireNonNull(window, "window");
        boolean off = requests == 0 && window.isZero();
        if (!off && (requests < 1 || window.isNegative() || window.isZero())) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per positive window");
        }
    }

    /** No limit: requests are never refused and no rate-limit headers are sent. */
    public static RateLimit off() {
        return OFF;
    }

    /** {@code requests} per {@code window}. */
    public static RateLimit of(long requests, Duration window) {
        return new RateLimit(requests, window);
    }

    /**
     * Parses {@code off} or {@code REQUESTS/WINDOW} ({@code 60/60s}, {@code 1000/1m}).
     *
     * @throws IllegalArgumentException with a message that says what is wrong
     */
    public static RateLimit parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.equalsIgnoreCase("off")) {
            return OFF;
        }
        int slash = value.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a rate limit; expected REQUESTS/WINDOW such as 60/60s, or 'off'");
        }
        long requests;
        try {
            requests = Long.parseLong(value.substring(0, slash).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a rate limit; the part before '/' must be a whole number of requests");
        }
        if (requests < 1) {
            throw new IllegalArgumentException("'" + text + "' is not a rate limit; it must allow at least 1 request");
        }
        Duration window = Durations.parse(value.substring(slash + 1));
        if (window.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate limit; the window must be longer than 0");
        }
        return new RateLimit(requests, window);
    }

    /** Whether requests are limited at all. */
    public boolean enabled() {
        return requests > 0;
    }

    /** The window in whole seconds, rounded up, at least 1 (what a {@code Retry-After} can say). */
    public long windowSeconds() {
        long seconds = window.getSeconds() + (window.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    @Override
    public String toString() {
        return enabled() ? requests + "/" + Durations.format(window) : "off";
    }
}
