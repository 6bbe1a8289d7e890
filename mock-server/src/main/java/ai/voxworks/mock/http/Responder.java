package ai.voxworks.mock.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Step 4: writes a {@link Reply}, now or after a delay. A delayed reply does not hold a server
 * thread: the request is suspended and completed by a scheduler.
 */
final class Responder {

    static final String JSON = "application/json";

    private final ScheduledExecutorService scheduler;

    Responder(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    void respond(Context ctx, Reply reply, Duration delay) {
        if (delay.isZero()) {
            write(ctx, reply);
            return;
        }
        ctx.future(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            scheduler.schedule(() -> {
                write(ctx, reply);
                done.complete(null);
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
            return done;
        });
    }

    static void write(Context ctx, Reply reply) {
        ctx.status(reply.status());
        for (Map.Entry<String, String> h : reply.headers().entrySet()) {
            ctx.header(h.getKey(), h.getValue());
        }
        Quota quota = reply.quota();
        if (quota != null) {
            ctx.header("X-RateLimit-Limit", Long.toString(quota.limit()));
            ctx.header("X-RateLimit-Remaining", Long.toString(quota.remaining()));
            if (quota.refused()) {
                ctx.header("Retry-After", Long.toString(quota.retryAfterSeconds()));
            }
        }
        ctx.contentType(JSON);
        ctx.result(reply.body());
    }
}
