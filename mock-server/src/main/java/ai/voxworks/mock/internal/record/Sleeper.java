package ai.voxworks.mock.internal.record;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How a recording waits between attempts; tests pass one that returns at once. */
@FunctionalInterface
public interface Sleeper {

    /** The real clock. */
    Sleeper SYSTEM = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

    /** Blocks for {@code duration}; interruptible. */
    void sleep(Duration duration) throws InterruptedException;
}
