package ai.voxworks.mock.internal.http;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock's time: a base clock (the system's, or a test's) plus every {@link #advance}, so that a
 * test moves the rate-limit windows and the timelines of moving calls together, and never back.
 * The limiter reads it as a {@link TimeMeter}; clients that live in the mock's time read
 * {@link #asClock()}.
 */
public final class MockClock implements TimeMeter {

    private final TimeMeter base;
    private final AtomicLong advancedNanos = new AtomicLong();
    private final Instant startWall;
    private final long startNanos;

    public MockClock(TimeMeter base) {
        this.base = base;
        this.startWall = Instant.now();
        this.startNanos = base.currentTimeNanos();
    }

    @Override
    public long currentTimeNanos() {
        return base.currentTimeNanos() + advancedNanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    /** Moves the time forward by {@code by} (zero or more). */
    void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + by + " is negative");
        }
        advancedNanos.addAndGet(by.toNanos());
    }

    /** How far it has been moved, in all. */
    Duration advanced() {
        return Duration.ofNanos(advancedNanos.get());
    }

    /** The same time as a {@link Clock}: the wall clock when it was made, plus the time elapsed since, by it. */
    public Clock asClock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return startWall.plusNanos(currentTimeNanos() - startNanos);
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }
}
