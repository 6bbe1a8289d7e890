package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.VerboseResult;
import java.util.List;
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
    private final TimeMeter clock;
    private final BucketStore store;
    private final long[] windowNanos;

    /** Buckets in this process. */
    public RateLimiting(RateLimit limit, RateLimit.Scope scope, TimeMeter clock) {
        this.limit = limit;
        this.scope = scope;
        this.clock = clock;
        this.windowNanos = limit.windows().stream().mapToLong(w -> w.length().toNanos()).toArray();
        this.store = new BucketStore.Local(bandwidths(limit), clock);
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
        BucketStore.Entry entry = store.bucket(team ? caller.team().id() : caller.apiKey());
        String partition = team ? caller.team().id() : null;
        ConsumptionProbe probe;
        long[] left;
        if (windowNanos.length == 1) {
            probe = entry.bucket().tryConsumeAndReturnRemaining(1);
            left = null;
        } else {
            // Only the verbose result tells each window's count apart.
            VerboseResult<ConsumptionProbe> verbose = entry.bucket().asVerbose().tryConsumeAndReturnRemaining(1);
            probe = verbose.getValue();
            left = verbose.getDiagnostics().getAvailableTokensPerEachBandwidth();
        }
        long now = clock.currentTimeNanos();
        if (probe.isConsumed()) {
            int w = left == null ? 0 : fewestLeft(left);
            return new Quota(limit.windows().get(w), left == null ? probe.getRemainingTokens() : left[w],
                    resetSeconds(w, entry.startNanos(), now), 0, partition);
        }
        long wait = Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        int w = left == null ? 0 : longestEmpty(left, entry.startNanos(), now);
        // The window named is the one that holds the request back: its reset is the Retry-After.
        throw new Refusal(LIMITED.withQuota(new Quota(limit.windows().get(w), 0, wait, wait, partition)));
    }

    /** Forgets every bucket: each key (or team) starts with full windows again. */
    void reset() {
        store.reset();
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

    /** Of the used-up windows, the one that starts again last. */
    private int longestEmpty(long[] left, long start, long now) {
        int best = -1;
        for (int i = 0; i < left.length; i++) {
            if (left[i] <= 0 && (best < 0 || untilNextNanos(i, start, now) > untilNextNanos(best, start, now))) {
                best = i;
            }
        }
        return best < 0 ? fewestLeft(left) : best;
    }

    private long resetSeconds(int window, long start, long now) {
        return Math.max(1, ceilSeconds(untilNextNanos(window, start, now)));
    }

    private long untilNextNanos(int window, long start, long now) {
        long length = windowNanos[window];
        return length - Math.floorMod(now - start, length);
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + SECOND - 1) / SECOND;
    }
}
