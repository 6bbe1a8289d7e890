package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.internal.fixtures.PreparedCall;
import ai.voxworks.mock.internal.fixtures.Timeline;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where each moving call is in its timeline: the time of its first request, by the
 * {@link MockClock}, from which the stage served follows. A reset forgets them all, so every
 * timeline starts again with its call's next request; putting a call starts its own again.
 *
 * <p>With shared rate limits ({@code off}) no timeline runs: each replica would count from the
 * requests it saw, and replicas behind one address would answer different stages. A moving call
 * then answers its last stage, on every replica alike.
 */
final class Timelines {

    /** Where one call is: its stage, and how long since its first request ({@code null}: none yet). */
    record Position(int stage, Duration elapsed) {
    }

    private final MockClock clock;
    private final boolean running;
    private final ConcurrentMap<String, Long> firstRequest = new ConcurrentHashMap<>();

    Timelines(MockClock clock, boolean running) {
        this.clock = clock;
        this.running = running;
    }

    boolean running() {
        return running;
    }

    /** The stage to answer a request for {@code call} with, now; the first request starts its timeline. */
    int stageFor(PreparedCall call) {
        Timeline timeline = call.timeline();
        if (!running) {
            return timeline.size() - 1;
        }
        long now = clock.currentTimeNanos();
        Long first = firstRequest.get(call.id());
        if (first == null) {
            first = firstRequest.putIfAbsent(call.id(), now);
            if (first == null) {
                first = now;
            }
        }
        return timeline.stageAt(now - first);
    }

    /** Where {@code call} is now, without starting it. */
    Position position(PreparedCall call) {
        if (!running) {
            return new Position(call.timeline().size() - 1, null);
        }
        Long first = firstRequest.get(call.id());
        if (first == null) {
            return new Position(0, null);
        }
        long elapsed = clock.currentTimeNanos() - first;
        return new Position(call.timeline().stageAt(elapsed), Duration.ofNanos(elapsed));
    }

    /** Moves {@code call} to the start of {@code stage}, as if its first request had been that long ago. */
    void toStage(PreparedCall call, int stage) {
        firstRequest.put(call.id(), clock.currentTimeNanos() - call.timeline().stage(stage).at().toNanos());
    }

    /** Moves {@code call} forward by {@code by}; one not yet asked for starts, as if asked for {@code by} ago. */
    void forward(PreparedCall call, Duration by) {
        long now = clock.currentTimeNanos();
        firstRequest.compute(call.id(), (id, first) -> (first == null ? now : first) - by.toNanos());
    }

    /** {@code id}'s timeline starts again with its next request. */
    void restart(String id) {
        firstRequest.remove(id);
    }

    /** Every timeline starts again with its call's next request. */
    void reset() {
        firstRequest.clear();
    }
}
