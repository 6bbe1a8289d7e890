package ai.voxworks.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * How a client waits, between retries and between {@link VoxworksClient#awaitCall} polls: blocking,
 * or without a thread for asynchronous calls. The real clock unless
 * {@link VoxworksClient.Builder#time} says otherwise: a tool that keeps a time of its own (the mock's
 * JUnit handle, whose clients wait in the mock's time) or a test that must not sleep for real passes
 * one, with the matching {@link java.time.Clock}.
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
