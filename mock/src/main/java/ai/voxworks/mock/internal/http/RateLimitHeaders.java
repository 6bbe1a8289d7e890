package ai.voxworks.mock.internal.http;

import ai.voxworks.client.internal.RateLimitFields;
import ai.voxworks.mock.RateLimit;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The rate-limit response fields, named and written in this one place, in the configured style:
 * {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (seconds until the window starts
 * again), and/or the IETF fields of draft-ietf-httpapi-ratelimit-headers-11,
 * {@code RateLimit-Policy: "1s";q=10;w=1, "60s";q=60;w=60} (every window) and
 * {@code RateLimit: "60s";r=0;t=42} (the most constraining one), with a {@code pk} partition key
 * (the team id's bytes) when the scope is team. {@code Retry-After} comes with every 429.
 */
final class RateLimitHeaders {

    static final String LIMIT = RateLimitFields.LIMIT;
    static final String REMAINING = RateLimitFields.REMAINING;
    static final String RESET = RateLimitFields.RESET;
    static final String RETRY_AFTER = RateLimitFields.RETRY_AFTER;
    static final String RATELIMIT = RateLimitFields.RATELIMIT;
    static final String POLICY = RateLimitFields.POLICY;

    /** What browser code may read cross-origin (CORS {@code Access-Control-Expose-Headers}), whatever the style. */
    static final List<String> EXPOSED = List.of(LIMIT, REMAINING, RESET, RETRY_AFTER, RATELIMIT, POLICY);

    private final RateLimit.HeaderStyle style;
    private final RateLimit limit;
    private final String policy;
    // Per team: its policy field with the team's partition key (few teams, each written once).
    private final Map<String, String> policyByPartition = new ConcurrentHashMap<>();
    private final Map<String, String> keyByPartition = new ConcurrentHashMap<>();

    RateLimitHeaders(RateLimit limit, RateLimit.HeaderStyle style) {
        this.limit = limit;
        this.style = style;
        this.policy = policy(null);
    }

    void write(Context ctx, Quota quota) {
        if (quota == Quota.NONE) {
            return;
        }
        if (style.x()) {
            ctx.header(LIMIT, Long.toString(quota.window().requests()));
            ctx.header(REMAINING, Long.toString(quota.remaining()));
            ctx.header(RESET, Long.toString(quota.resetSeconds()));
        }
        if (style.ietf()) {
            String pk = quota.partition() == null ? "" : partitionKey(quota.partition());
            ctx.header(POLICY, quota.partition() == null ? policy
                    : policyByPartition.computeIfAbsent(quota.partition(), this::policy));
            ctx.header(RATELIMIT, "\"" + quota.window().name() + "\";r=" + quota.remaining() + ";t=" + quota.resetSeconds() + pk);
        }
        if (quota.refused()) {
            ctx.header(RETRY_AFTER, Long.toString(quota.retryAfterSeconds()));
        }
    }

    private String policy(String partition) {
        String pk = partition == null ? "" : partitionKey(partition);
        return limit.windows().stream()
                .map(w -> "\"" + w.name() + "\";q=" + w.requests() + ";w=" + w.seconds() + pk)
                .collect(Collectors.joining(", "));
    }

    /** {@code ;pk=:<base64 of the team id>:}, an sf Byte Sequence parameter. */
    private String partitionKey(String partition) {
        return keyByPartition.computeIfAbsent(partition,
                p -> ";pk=:" + Base64.getEncoder().encodeToString(p.getBytes(StandardCharsets.UTF_8)) + ":");
    }
}
