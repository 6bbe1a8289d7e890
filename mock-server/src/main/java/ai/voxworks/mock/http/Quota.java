package ai.voxworks.mock.http;

/**
 * What the limiter said about one request: sent as {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining} and, when refused, {@code Retry-After}.
 *
 * @param limit             requests allowed per window
 * @param remaining         requests left in the window after this one
 * @param retryAfterSeconds whole seconds until a request would pass; 0 when this one passed
 */
record Quota(long limit, long remaining, long retryAfterSeconds) {

    boolean refused() {
        return retryAfterSeconds > 0;
    }
}
