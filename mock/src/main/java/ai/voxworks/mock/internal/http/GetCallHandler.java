package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.Fault;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Duration;

/**
 * {@code GET /api/v1/get-call/{call_id}}: forced state, or authentication → rate limit →
 * team-scoped lookup, then respond (after the configured or preferred delay), as the fault asked
 * for, if any, has it.
 *
 * <p>One convention for every step: it returns what it learned, or stops the request by
 * throwing a {@link Refusal} with the reply to send. The reply carries the request's rate-limit
 * quota whatever stopped it after the limiter ran.
 *
 * <p>A fault comes from the request's {@code Prefer: fault=}, else from what a test queued or the
 * profile drew (a request's own {@code Prefer: code=} or {@code fault=} wins over those). A reset,
 * a malformed body or a forced status stands in for the API: nothing else runs. A truncated or
 * dripping body is the answer the request earned, delivered badly.
 */
final class GetCallHandler implements Handler {

    static final String PATH = "/api/v1/get-call/{call_id}";

    /** What {@link Fault#MALFORMED} sends: a page where JSON should be, as a proxy or a captive portal sends. */
    static final Reply MALFORMED = Reply.json(200, ("<html><head><title>200 OK</title></head><body><p>The service "
            + "answered, but not in JSON.</p></body></html>\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private final Authentication authentication;
    private final RateLimiting rateLimiting;
    private final CallLookup lookup;
    private final ForcedReplies forced;
    private final Faults faults;
    private final Responder responder;
    private final Duration latency;

    GetCallHandler(Authentication authentication, RateLimiting rateLimiting, CallLookup lookup,
                   ForcedReplies forced, Faults faults, Responder responder, Duration latency) {
        this.authentication = authentication;
        this.rateLimiting = rateLimiting;
        this.lookup = lookup;
        this.forced = forced;
        this.faults = faults;
        this.responder = responder;
        this.latency = latency;
    }

    @Override
    public void handle(Context ctx) {
        Fault drawn = faults.next();
        Duration delay = latency;
        Caller caller = null;
        Quota quota = Quota.NONE;
        Fault fault = null;
        Reply reply;
        try {
            Prefer prefer = Prefer.parse(ctx.header("Prefer"));
            delay = prefer.delayOr(latency);
            fault = prefer.fault() != null || prefer.code() != 0 ? prefer.fault() : drawn;
            if (fault != null && fault.status() != 0) {
                reply = forced.reply(fault.status());
            } else if (fault == Fault.RESET) {
                reply = null;
            } else if (fault == Fault.MALFORMED) {
                reply = MALFORMED;
            } else {
                forced.check(prefer);
                caller = authentication.authenticate(ctx.header("Authorization"));
                quota = rateLimiting.consume(caller);
                reply = lookup.find(caller, ctx.pathParam("call_id"));
            }
        } catch (Refusal refused) {
            reply = refused.reply();
        }
        if (ctx.method() == HandlerType.HEAD && (fault == Fault.TRUNCATE || fault == Fault.DRIP)) {
            fault = null;  // A HEAD response has no body to cut or to drip.
        }
        responder.respond(ctx, reply == null ? null : reply.withQuota(quota), caller, delay, fault);
    }
}
