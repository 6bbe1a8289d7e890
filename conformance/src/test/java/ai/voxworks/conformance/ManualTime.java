package ai.voxworks.conformance;

import ai.voxworks.client.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a run waits on it (or a fake server says an answer took time), noting each wait. */
final class ManualTime implements Sleeper {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    long nanoTime() {
        return nanos.get();
    }

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        advance(duration);
    }

    /** Every wait, in order. */
    List<Duration> waits() {
        return List.copyOf(waits);
    }

    Http.Time asTime() {
        return new Http.Time(this::nanoTime, this);
    }
}
