package ai.voxworks.mock.internal.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Step 4: writes a {@link Reply}, now or after a delay, and records it in the journal. A delayed
 * reply does not hold a server thread: the request is suspended and completed by a scheduler.
 */
final class Responder {

    static final String JSON = "application/json";

    private final ScheduledExecutorService scheduler;
    private final RequestJournal journal;
    private final RateLimitHeaders rateLimitHeaders;

    Responder(ScheduledExecutorService scheduler, RequestJournal journal, RateLimitHeaders rateLimitHeaders) {
        this.scheduler = scheduler;
        this.journal = journal;
        this.rateLimitHeaders = rateLimitHeaders;
    }

    /** Sends {@code reply} to the request {@code caller} made ({@code null}: not authenticated). */
    void respond(Context ctx, Reply reply, Caller caller, Duration delay) {
        if (delay.isZero()) {
            send(ctx, reply, caller);
            return;
        }
        ctx.future(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            scheduler.schedule(() -> {
                send(ctx, reply, caller);
                done.complete(null);
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
            return done;
        });
    }

    private void send(Context ctx, Reply reply, Caller caller) {
        rateLimitHeaders.write(ctx, reply.quota());
        write(ctx, reply);
        journal.record(ctx, caller);
    }

    /** Writes {@code reply}'s status, headers and JSON body (its rate-limit fields are the get-call path's job). */
    static void write(Context ctx, Reply reply) {
        ctx.status(reply.status());
        for (Map.Entry<String, String> h : reply.headers().entrySet()) {
            ctx.header(h.getKey(), h.getValue());
        }
        ctx.contentType(JSON);
        ctx.result(reply.body());
    }
}
