package ai.voxworks.mock.internal.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;

/**
 * {@code GET /api/v1/get-call/{call_id}}: forced state, or authentication → rate limit →
 * team-scoped lookup, then respond (after the configured or preferred delay).
 *
 * <p>One convention for every step: it returns what it learned, or stops the request by
 * throwing a {@link Refusal} with the reply to send. The reply carries the request's rate-limit
 * quota whatever stopped it after the limiter ran.
 */
final class GetCallHandler implements Handler {

    static final String PATH = "/api/v1/get-call/{call_id}";

    private final Authentication authentication;
    private final RateLimiting rateLimiting;
    private final CallLookup lookup;
    private final ForcedReplies forced;
    private final Responder responder;
    private final Duration latency;

    GetCallHandler(Authentication authentication, RateLimiting rateLimiting, CallLookup lookup,
                   ForcedReplies forced, Responder responder, Duration latency) {
        this.authentication = authentication;
        this.rateLimiting = rateLimiting;
        this.lookup = lookup;
        this.forced = forced;
        this.responder = responder;
        this.latency = latency;
    }

    @Override
    public void handle(Context ctx) {
        Duration delay = latency;
        Caller caller = null;
        Quota quota = Quota.NONE;
        Reply reply;
        try {
            Prefer prefer = Prefer.parse(ctx.header("Prefer"));
            delay = prefer.delayOr(latency);
            forced.check(prefer);
            caller = authentication.authenticate(ctx.header("Authorization"));
            quota = rateLimiting.consume(caller);
            reply = lookup.find(caller, ctx.pathParam("call_id"));
        } catch (Refusal refused) {
            reply = refused.reply();
        }
        responder.respond(ctx, reply.withQuota(quota), caller, delay);
    }
}
