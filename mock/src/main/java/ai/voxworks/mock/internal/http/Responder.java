package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.Fault;
import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Step 4: writes a {@link Reply}, now or after a delay, and records it in the journal. A delayed
 * reply does not hold a server thread: the request is suspended and completed by a scheduler.
 *
 * <p>It also delivers the faults of the network, from the prepared bytes alone: a reset closes the
 * connection abortively (TCP RST) before any byte; a truncated reply announces its whole
 * {@code Content-Length}, sends half the body and closes; a dripping one sends its body a byte at
 * a time from the scheduler, holding no server thread either.
 */
final class Responder {

    static final String JSON = "application/json";

    private final ScheduledExecutorService scheduler;
    private final RequestJournal journal;
    private final RateLimitHeaders rateLimitHeaders;
    private final long dripTickNanos;

    /** @param dripTick the wait between two bytes of a dripping body */
    Responder(ScheduledExecutorService scheduler, RequestJournal journal, RateLimitHeaders rateLimitHeaders,
              Duration dripTick) {
        this.scheduler = scheduler;
        this.journal = journal;
        this.rateLimitHeaders = rateLimitHeaders;
        this.dripTickNanos = dripTick.toNanos();
    }

    /**
     * Sends {@code reply} to the request {@code caller} made ({@code null}: not authenticated), as
     * {@code fault} has it ({@code null}: as it is; {@link Fault#RESET} sends nothing, and
     * {@code reply} may be {@code null}).
     */
    void respond(Context ctx, Reply reply, Caller caller, Duration delay, Fault fault) {
        if (delay.isZero() && fault != Fault.DRIP) {
            send(ctx, reply, caller, fault);
            return;
        }
        // Once a fault has closed the connection, or the client has gone, Jetty ends the request
        // itself: the future is left pending then, as completing it would hand Javalin a recycled one.
        ctx.future(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Runnable task = () -> {
                try {
                    if (fault == Fault.DRIP) {
                        startDrip(ctx, reply, caller, done);
                        return;
                    }
                    send(ctx, reply, caller, fault);
                    if (fault != Fault.RESET && fault != Fault.TRUNCATE) {
                        done.complete(null);
                    }
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            };
            scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return done;
        });
    }

    private void send(Context ctx, Reply reply, Caller caller, Fault fault) {
        // Journaled before the connection closes: whoever saw the fault finds it in the journal.
        if (fault == Fault.RESET) {
            journal.record(ctx, caller, 0, fault, Reply.NO_STAGE);
            reset(ctx);
            return;
        }
        rateLimitHeaders.write(ctx, reply.quota());
        if (fault == Fault.TRUNCATE) {
            sendHalf(ctx, reply);
            journal.record(ctx, caller, reply.status(), fault, reply.stage());
            endPoint(ctx).close();
            return;
        }
        write(ctx, reply);
        journal.record(ctx, caller, reply.status(), fault, reply.stage());
    }

    /** Writes {@code reply}'s status, headers and JSON body (its rate-limit fields are the get-call path's job). */
    static void write(Context ctx, Reply reply) {
        head(ctx, reply);
        ctx.result(reply.body());
    }

    private static void head(Context ctx, Reply reply) {
        ctx.status(reply.status());
        for (Map.Entry<String, String> h : reply.headers().entrySet()) {
            ctx.header(h.getKey(), h.getValue());
        }
        ctx.contentType(JSON);
    }

    /** Closes the connection so that the client reads a reset, not an orderly end: SO_LINGER 0 sends an RST. */
    private static void reset(Context ctx) {
        EndPoint endPoint = endPoint(ctx);
        if (endPoint.getTransport() instanceof NetworkChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | UnsupportedOperationException e) {
                // Closed already, or not TCP: an orderly close is what is left.
            }
        }
        endPoint.close();
    }

    /** Status, headers and the whole body's length, then half the body (the caller closes the connection). */
    private static void sendHalf(Context ctx, Reply reply) {
        head(ctx, reply);
        HttpServletResponse response = ctx.res();
        byte[] body = reply.body();
        response.setContentLength(body.length);
        try {
            ServletOutputStream out = response.getOutputStream();
            out.write(body, 0, body.length / 2);
            out.flush();
        } catch (IOException gone) {
            // The client left first: nothing to cut short.
        }
    }

    /** Status and headers now, with the whole body's length; then the body, a byte per tick, from the scheduler. */
    private void startDrip(Context ctx, Reply reply, Caller caller, CompletableFuture<Void> done) {
        rateLimitHeaders.write(ctx, reply.quota());
        head(ctx, reply);
        HttpServletResponse response = ctx.res();
        response.setContentLength(reply.body().length);
        journal.record(ctx, caller, reply.status(), Fault.DRIP, reply.stage());
        try {
            response.flushBuffer();
            new Drip(response.getOutputStream(), reply.body(), done).run();
        } catch (IOException gone) {
            // The client left before the headers: Jetty ends the request.
        }
    }

    /**
     * One byte, then the next tick; ends with the body (completing the request), or as soon as the
     * client or the server goes (leaving the request to Jetty).
     */
    private final class Drip implements Runnable {
        private final ServletOutputStream out;
        private final byte[] body;
        private final CompletableFuture<Void> done;
        private int sent;

        Drip(ServletOutputStream out, byte[] body, CompletableFuture<Void> done) {
            this.out = out;
            this.body = body;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                if (sent < body.length) {
                    out.write(body, sent, 1);
                    out.flush();
                    sent++;
                }
                if (sent < body.length) {
                    scheduler.schedule(this, dripTickNanos, TimeUnit.NANOSECONDS);
                } else {
                    done.complete(null);
                }
            } catch (IOException | RejectedExecutionException | IllegalStateException gone) {
                // The client left (Jetty may have recycled the response already), or the server is
                // stopping and closes every connection.
            }
        }
    }

    private static EndPoint endPoint(Context ctx) {
        return ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                .getEndPoint();
    }
}
