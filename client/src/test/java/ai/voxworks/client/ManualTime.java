package ai.voxworks.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/** A clock that moves only when the client waits, by what it waits: polling takes no real time. */
final class ManualTime extends Clock implements Sleeper {

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    private volatile Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        now = now.plus(duration);
    }

    @Override
    public Executor after(Duration duration) {
        sleep(duration);
        return Runnable::run;
    }

    /** Time passes without the client waiting (the user took that long between two calls). */
    void advance(Duration duration) {
        now = now.plus(duration);
    }

    Duration waited() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
