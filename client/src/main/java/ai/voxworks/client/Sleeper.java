package ai.voxworks.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * How the client waits between retries: blocking for {@link VoxworksClient#getCall}, without a
 * thread for {@link VoxworksClient#getCallAsync}. Replace it in tests so retries take no real time.
 */
interface Sleeper {

    /** The real clock. */
    Sleeper SYSTEM = new Sleeper() {
    };

    /** Blocks for {@code duration}; interruptible. */
    default void sleep(Duration duration) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }

    /** Runs tasks after {@code duration} without holding a thread meanwhile. */
    default Executor after(Duration duration) {
        return CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
