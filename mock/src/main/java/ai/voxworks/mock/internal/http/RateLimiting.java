package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.VerboseResult;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Step 2: one token bucket per API key or per team, with one limit per window (Bucket4j takes a
 * request from every window at once, atomically, so the limit is exact under concurrency and a
 * refused request learns the true wait until every window would pass). Each window refills
 * whole, {@code 60/60s} meaning 60 requests per 60-second window, the first window starting with
 * the partition's first request.
 */
public final class RateLimiting {

    static final Reply LIMITED = ErrorBody.reply(429, "Rate limit exceeded");

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final RateLimit limit;
    private final RateLimit.Scope scope;
    private final BucketStore store;
    private final long[] windowNanos;

    /** Buckets in this process. */
    public RateLimiting(RateLimit limit, RateLimit.Scope scope, TimeMeter clock) {
        this(limit, scope, new BucketStore.Local(bandwidths(limit), clock));
    }

    private RateLimiting(RateLimit limit, RateLimit.Scope scope, BucketStore store) {
        this.limit = limit;
        this.scope = scope;
        this.windowNanos = limit.windows().stream().mapToLong(w -> w.length().toNanos()).toArray();
        this.store = store;
    }

    /**
     * Buckets in a Redis server that replicas share (each replica started with the same target,
     * limit and scope counts in the same buckets); {@code clock} times the local buckets a replica
     * counts with while Redis does not answer. With the limit off, nothing is connected.
     *
     * @throws IllegalStateException naming the target when it cannot be reached
     */
    public static RateLimiting shared(RateLimit limit, RateLimit.Scope scope, RedisTarget target, TimeMeter clock) {
        if (!limit.enabled()) {
            return new RateLimiting(limit, scope, clock);
        }
        // The only reference to RedisBuckets: Lettuce, Netty and Reactor load only on this path.
        try {
            return new RateLimiting(limit, scope, RedisBuckets.connect(target, scope.name().toLowerCase(Locale.ROOT),
                    limit.toString(), bandwidths(limit), clock));
        } catch (NoClassDefFoundError e) {
            // Optional dependencies of the library (the self-contained jar has them).
            throw new IllegalStateException("the rate-limit store " + target.url() + " needs the Redis client on the "
                    + "class path: add com.bucket4j:bucket4j_jdk17-lettuce and io.lettuce:lettuce-core", e);
        }
    }

    static List<Bandwidth> bandwidths(RateLimit limit) {
        return limit.windows().stream()
                .map(w -> Bandwidth.builder().capacity(w.requests()).refillIntervally(w.requests(), w.length())
                        .id(w.name()).build())
                .toList();
    }

    /**
     * Takes one request from each of the caller's windows and returns what is left of the most
     * constraining one ({@link Quota#NONE} when the limiter is off); refuses with the 429 once a
     * window is used up.
     */
    Quota consume(Caller caller) {
        if (!limit.enabled()) {
            return Quota.NONE;
        }
        boolean team = scope == RateLimit.Scope.TEAM;
        String partition = team ? caller.team().id() : null;
        // The verbose result tells each window's count apart and carries the bucket's state, from
        // which the reset follows without asking the store again.
        VerboseResult<ConsumptionProbe> result = store.consume(team ? caller.team().id() : caller.apiKey());
        ConsumptionProbe probe = result.getValue();
        long[] left = result.getDiagnostics().getAvailableTokensPerEachBandwidth();
        if (probe.isConsumed()) {
            int w = fewestLeft(left);
            // Until one more request fits that window (and every other): when it starts again.
            long reset = result.getState().calculateDelayNanosAfterWillBePossibleToConsume(left[w] + 1,
                    result.getOperationTimeNanos(), false);
            return new Quota(limit.windows().get(w), left[w], Math.max(1, ceilSeconds(reset)), 0, partition);
        }
        long wait = Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        // The window named is a used-up one, the longest; the reset given is the true wait, the Retry-After.
        throw new Refusal(LIMITED.withQuota(new Quota(limit.windows().get(longestEmpty(left)), 0, wait, wait, partition)));
    }

    /**
     * Forgets every bucket: each key (or team) starts with full windows again, on every replica
     * when they are shared.
     *
     * @throws IllegalStateException when shared buckets cannot be reached; nothing changed
     */
    void reset() {
        store.reset();
    }

    /** Whether other replicas count in these buckets. */
    boolean shared() {
        return store.shared();
    }

    /** {@code local}, or the shared store's URL without credentials. */
    String storeUrl() {
        return store.url();
    }

    /** The store, and whether it answers (asks it). */
    BucketStore.Status storeStatus() {
        return store.status();
    }

    /** Lets go of the store's connection, if it has one. */
    public void close() {
        store.close();
    }

    /** The window with the fewest requests left; of equals, the longer one (its count lasts longer). */
    private int fewestLeft(long[] left) {
        int best = 0;
        for (int i = 1; i < left.length; i++) {
            if (left[i] < left[best] || left[i] == left[best] && windowNanos[i] > windowNanos[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Of the used-up windows, the longest. */
    private int longestEmpty(long[] left) {
        int best = -1;
        for (int i = 0; i < left.length; i++) {
            if (left[i] <= 0 && (best < 0 || windowNanos[i] > windowNanos[best])) {
                best = i;
            }
        }
        return best < 0 ? fewestLeft(left) : best;
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + SECOND - 1) / SECOND;
    }
}
