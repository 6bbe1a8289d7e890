package ai.voxworks.client.internal;

import java.time.Duration;

/** How long a retry loop waits before its next attempt after a failure worth retrying. */
public final class Backoff {

    /** No wait between attempts is longer than this. */
    public static final Duration CAP = Duration.ofSeconds(8);

    private Backoff() {
    }

    /**
     * Full jitter: anywhere between zero and a ceiling that starts at {@code initial} and doubles with
     * each {@code attempt} (from 0) up to {@link #CAP}, so that clients failing together spread out.
     *
     * @param random a value in [0, 1)
     */
    public static Duration fullJitter(Duration initial, int attempt, double random) {
        long ceiling = Math.min(CAP.toMillis(), initial.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis((long) (random * ceiling));
    }

    /** Whether a response with this status is worth asking again: 500, 502, 503 and 504. */
    public static boolean retryableStatus(int status) {
        return switch (status) {
            case 500, 502, 503, 504 -> true;
            default -> false;
        };
    }
}
