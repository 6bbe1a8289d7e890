package ai.voxworks.client.internal;

/** The names of the rate-limit fields, as the mock sends them and the client and the conformance suite read them. */
public final class RateLimitFields {

    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";
    /** draft-ietf-httpapi-ratelimit-headers-11. */
    public static final String RATELIMIT = "RateLimit";
    /** draft-ietf-httpapi-ratelimit-headers-11. */
    public static final String POLICY = "RateLimit-Policy";

    private RateLimitFields() {
    }
}
