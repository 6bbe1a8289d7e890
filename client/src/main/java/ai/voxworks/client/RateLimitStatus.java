package ai.voxworks.client;

import java.time.Duration;

/**
 * What one response said about the key's rate limit, in either style a server may use: the
 * {@code X-RateLimit-*} headers, or the IETF {@code RateLimit} and {@code RateLimit-Policy} fields
 * (draft-ietf-httpapi-ratelimit-headers-11), which a server may send instead or as well (then they
 * are read). See {@link CallResponse#rateLimit()} and, for a 429, {@link RateLimitException}.
 *
 * @param policy    the IETF policy the numbers belong to (such as {@code "60s"}), or {@code null}
 * @param limit     requests per window ({@code X-RateLimit-Limit}, or the policy's {@code q}), or
 *                  {@code null} when the response did not say
 * @param remaining requests left in the window ({@code X-RateLimit-Remaining}, or {@code r})
 * @param reset     how long until the window starts again ({@code X-RateLimit-Reset}, or {@code t}), or
 *                  {@code null} when the response did not say
 */
public record RateLimitStatus(String policy, Long limit, long remaining, Duration reset) {

    /** The {@code X-RateLimit-Limit} and {@code -Remaining} of a response that said no more. */
    public RateLimitStatus(long limit, long remaining) {
        this(null, limit, remaining, null);
    }

    /** Whether the response said nothing remains in this window. */
    public boolean exhausted() {
        return remaining <= 0;
    }
}
