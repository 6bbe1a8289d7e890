package ai.voxworks.mock.internal.http;

import io.javalin.http.Context;
import java.util.List;

/** The rate-limit response headers: their names, written in one place. */
final class RateLimitHeaders {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RETRY_AFTER = "Retry-After";

    /** What browser code may read cross-origin (CORS {@code Access-Control-Expose-Headers}). */
    static final List<String> EXPOSED = List.of(LIMIT, REMAINING, RETRY_AFTER);

    private RateLimitHeaders() {
    }

    static void write(Context ctx, Quota quota) {
        if (quota == Quota.NONE) {
            return;
        }
        ctx.header(LIMIT, Long.toString(quota.limit()));
        ctx.header(REMAINING, Long.toString(quota.remaining()));
        if (quota.refused()) {
            ctx.header(RETRY_AFTER, Long.toString(quota.retryAfterSeconds()));
        }
    }
}
