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

    Responder(ScheduledExecutorService scheduler, RequestJournal journal) {
        this.scheduler = scheduler;
        this.journal = journal;
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
        write(ctx, reply);
        journal.record(ctx, caller);
    }

    /** Writes {@code reply} as it is: status, headers, rate-limit headers, JSON body. */
    static void write(Context ctx, Reply reply) {
        ctx.status(reply.status());
        for (Map.Entry<String, String> h : reply.headers().entrySet()) {
            ctx.header(h.getKey(), h.getValue());
        }
        RateLimitHeaders.write(ctx, reply.quota());
        ctx.contentType(JSON);
        ctx.result(reply.body());
    }
}
