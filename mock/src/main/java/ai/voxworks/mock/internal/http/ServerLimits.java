package ai.voxworks.mock.internal.http;

import java.time.Duration;

/**
 * How long connections and threads may hold on to the server, so a slow or hostile client costs
 * it little and a burst leaves nothing behind.
 *
 * @param headerTime        the longest a request may take to send its headers, from its first byte
 * @param idleTime          how long a connection may sit silent before it is closed
 * @param minThreads        worker threads kept when nothing happens
 * @param maxThreads        worker threads at most
 * @param threadIdleTime    how long an extra worker thread waits for work before it ends
 * @param dripTick          how long a dripping body ({@code Prefer: fault=drip}) waits between two bytes
 */
public record ServerLimits(Duration headerTime, Duration idleTime, int minThreads, int maxThreads,
                           Duration threadIdleTime, Duration dripTick) {

    /** A byte every 250 ms: {@link ai.voxworks.mock.Fault#DRIP_BYTES_PER_SECOND}. */
    static final Duration DRIP_TICK = Duration.ofMillis(1000 / ai.voxworks.mock.Fault.DRIP_BYTES_PER_SECOND);

    /** What the mock runs with: stated in docs/mock-server.md. */
    public static final ServerLimits DEFAULT = new ServerLimits(
            Duration.ofSeconds(10), Duration.ofSeconds(30), 8, 200, Duration.ofSeconds(10));

    /** These limits, with a body dripping at the documented pace. */
    public ServerLimits(Duration headerTime, Duration idleTime, int minThreads, int maxThreads, Duration threadIdleTime) {
        this(headerTime, idleTime, minThreads, maxThreads, threadIdleTime, DRIP_TICK);
    }
}
