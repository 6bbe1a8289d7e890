package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.Fault;
import ai.voxworks.mock.FaultProfile;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which fault each get-call request gets, before its own {@code Prefer} has a say: the ones a test
 * queued, first come first served, else the profile's draw for the request's number. Lock-free; with
 * no profile and nothing queued, a request costs one read of an empty queue.
 */
final class Faults {

    private final FaultProfile profile;
    private final AtomicLong numbered = new AtomicLong();
    private final Queue<Fault> queued = new ConcurrentLinkedQueue<>();

    Faults(FaultProfile profile) {
        this.profile = profile;
    }

    /** The fault for the request arriving now, or {@code null}. Numbers the request when a profile is on. */
    Fault next() {
        Fault fault = queued.poll();
        if (!profile.enabled()) {
            return fault;
        }
        // Every request takes its number, a queued fault or not: the draws stay those of the seed.
        long n = numbered.getAndIncrement();
        return fault != null ? fault : profile.faultFor(n).orElse(null);
    }

    /** The next requests get these, one each, in order, ahead of the profile. */
    void queue(List<Fault> faults) {
        queued.addAll(faults);
    }

    /** Nothing queued, and the profile's numbering starts again from 0: the same faults as after start. */
    void reset() {
        queued.clear();
        numbered.set(0);
    }

}
