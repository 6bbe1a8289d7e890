package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.RateLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Step 2: one token bucket per API key (Bucket4j, lock-free and exact under concurrency). The
 * window refills whole, so {@code 60/60s} means 60 requests per 60-second window, and a refused
 * request learns the true wait until the next one would pass.
 */
public final class RateLimiting {

    static final Reply LIMITED = ErrorBody.reply(429, "Rate limit exceeded");

    private final RateLimit limit;
    private final TimeMeter clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiting(RateLimit limit, TimeMeter clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /**
     * Takes one request from the caller's window and returns what is left ({@link Quota#NONE}
     * when the limiter is off); refuses with the 429 once the window is used up.
     */
    Quota consume(Caller caller) {
        if (!limit.enabled()) {
            return Quota.NONE;
        }
        Bucket bucket = buckets.computeIfAbsent(caller.apiKey(), key -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Quota(limit.requests(), probe.getRemainingTokens(), 0);
        }
        long waitSeconds = Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        throw new Refusal(LIMITED.withQuota(new Quota(limit.requests(), 0, waitSeconds)));
    }

    /** Forgets every bucket: each key starts with a full window again. */
    void reset() {
        buckets.clear();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit.requests()).refillIntervally(limit.requests(), limit.window()))
                .withCustomTimePrecision(clock)
                .build();
    }

    private static long ceilSeconds(long nanos) {
        long perSecond = TimeUnit.SECONDS.toNanos(1);
        return (nanos + perSecond - 1) / perSecond;
    }
}
