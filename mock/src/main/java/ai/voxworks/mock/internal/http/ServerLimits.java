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
 */
public record ServerLimits(Duration headerTime, Duration idleTime, int minThreads, int maxThreads,
                           Duration threadIdleTime) {

    /** What the mock runs with: stated in the README. */
    public static final ServerLimits DEFAULT = new ServerLimits(
            Duration.ofSeconds(10), Duration.ofSeconds(30), 8, 200, Duration.ofSeconds(10));
}
