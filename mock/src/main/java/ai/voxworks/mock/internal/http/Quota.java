package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.RateLimit;

/**
 * What the limiter said about one request, about its most constraining window: sent as the
 * {@link RateLimitHeaders}.
 *
 * @param window            the window the fields describe: of the windows, the one with the fewest
 *                          requests left (a refused request: the one that refused it longest)
 * @param remaining         requests left in that window after this one
 * @param resetSeconds      whole seconds until that window starts again
 * @param retryAfterSeconds whole seconds until a request would pass every window; 0 when this one passed
 * @param partition         the team whose windows these are, when the scope is team (never a key), or {@code null}
 */
record Quota(RateLimit.Window window, long remaining, long resetSeconds, long retryAfterSeconds, String partition) {

    /** No limiter: no rate-limit headers. */
    static final Quota NONE = new Quota(null, 0, 0, 0, null);

    boolean refused() {
        return retryAfterSeconds > 0;
    }
}
