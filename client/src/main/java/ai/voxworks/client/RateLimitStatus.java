package ai.voxworks.client;

/**
 * The rate-limit headers of one response: see {@link CallResponse#rateLimit()} and, for a 429,
 * {@link RateLimitException}.
 *
 * @param limit     {@code X-RateLimit-Limit}: requests per window
 * @param remaining {@code X-RateLimit-Remaining}: requests left in the window
 */
public record RateLimitStatus(long limit, long remaining) {
}
