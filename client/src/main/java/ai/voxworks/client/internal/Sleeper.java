package ai.voxworks.client.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * How a retry loop waits: blocking, or without a thread for asynchronous calls. Tests pass one
 * that returns at once and notes what it was asked, so that no test sleeps for real.
 */
@FunctionalInterface
public interface Sleeper {

    /** The real clock. */
    Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    /** Blocks for {@code duration}; interruptible. */
    void sleep(Duration duration) throws InterruptedException;

    /** Runs tasks after {@code duration} without holding a thread meanwhile (the real clock's, unless overridden). */
    default Executor after(Duration duration) {
        return CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
