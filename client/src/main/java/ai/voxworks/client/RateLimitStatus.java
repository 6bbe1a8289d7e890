package ai.voxworks.client;

/**
 * The rate-limit headers of the last response that carried them.
 *
 * @param limit     {@code X-RateLimit-Limit}: requests per window
 * @param remaining {@code X-RateLimit-Remaining}: requests left in the window
 */
public record RateLimitStatus(long limit, long remaining) {
}
