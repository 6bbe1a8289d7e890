package ai.voxworks.mock.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;

/**
 * {@code GET /api/v1/get-call/{call_id}}: forced state, or authentication → rate limit →
 * team-scoped lookup, then respond (after the configured or preferred delay).
 */
final class GetCallHandler implements Handler {

    static final String PATH = "/api/v1/get-call/{call_id}";
    /** Request attribute: the authenticated {@link Caller}, for the request journal. */
    static final String CALLER = "voxworks.caller";

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
        Prefer prefer = Prefer.parse(ctx.header("Prefer"));
        Reply reply = prefer.code() == 0 ? null : forced.forCode(prefer.code());
        if (reply == null) {
            reply = serve(ctx, ctx.header("Authorization"), ctx.pathParam("call_id"));
        }
        responder.respond(ctx, reply, prefer.delay() != null ? prefer.delay() : latency);
    }

    private Reply serve(Context ctx, String authorization, String callId) {
        Caller caller;
        Quota quota;
        try {
            caller = authentication.authenticate(authorization);
            ctx.attribute(CALLER, caller);
            quota = rateLimiting.consume(caller);
        } catch (ApiError refused) {
            return refused.reply();
        }
        try {
            return Reply.json(200, lookup.find(caller, callId)).withQuota(quota);
        } catch (ApiError notFound) {
            return notFound.reply().withQuota(quota);
        }
    }
}
