package ai.voxworks.mock.internal.http;

/**
 * What the limiter said about one request, sent as the {@link RateLimitHeaders}.
 *
 * @param limit             requests allowed per window
 * @param remaining         requests left in the window after this one
 * @param retryAfterSeconds whole seconds until a request would pass; 0 when this one passed
 */
record Quota(long limit, long remaining, long retryAfterSeconds) {

    /** No limiter: no rate-limit headers. */
    static final Quota NONE = new Quota(0, 0, 0);

    boolean refused() {
        return retryAfterSeconds > 0;
    }
}
