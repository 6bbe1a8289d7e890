package ai.voxworks.mock.internal.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/** Where the limiter's buckets live: one per partition (an API key, or a team). */
interface BucketStore extends AutoCloseable {

    /**
     * Takes one request from the partition's bucket (made full on first use), atomically across
     * its windows, with the bucket's state after it: what the rate-limit fields are computed from.
     */
    VerboseResult<ConsumptionProbe> consume(String partition);

    /** Forgets every bucket: each partition starts again with full windows. */
    void reset();

    /** Whether other replicas count in these buckets. */
    default boolean shared() {
        return false;
    }

    /** {@code local}, or the Redis URL without credentials. */
    default String url() {
        return "local";
    }

    /** What {@code /__mock/health} says about the store; may ask the store (a short round trip). */
    Status status();

    @Override
    default void close() {
    }

    /**
     * @param url       {@code local}, or the Redis URL without credentials
     * @param shared    whether other replicas count in the same buckets
     * @param reachable whether the store answers now (a local store always does)
     * @param warning   what is wrong while it does not, or {@code null}
     */
    record Status(String url, boolean shared, boolean reachable,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String warning) {
    }

    /** Buckets in this process (Bucket4j's lock-free bucket, exact under concurrency). */
    final class Local implements BucketStore {

        private static final Status STATUS = new Status("local", false, true, null);

        private final List<Bandwidth> windows;
        private final TimeMeter clock;
        private final Function<String, long[]> startingTokens;
        private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

        /** Buckets that start full. */
        Local(List<Bandwidth> windows, TimeMeter clock) {
            this(windows, clock, partition -> null);
        }

        /**
         * Buckets that start with {@code startingTokens} of the partition in each window (in the order of
         * {@code windows}), or full where it gives {@code null}; each window then starts again whole one
         * window length after the bucket was made.
         */
        Local(List<Bandwidth> windows, TimeMeter clock, Function<String, long[]> startingTokens) {
            this.windows = windows;
            this.clock = clock;
            this.startingTokens = startingTokens;
        }

        @Override
        public VerboseResult<ConsumptionProbe> consume(String partition) {
            Bucket bucket = buckets.get(partition);
            if (bucket == null) {
                bucket = buckets.computeIfAbsent(partition, this::newBucket);
            }
            return bucket.asVerbose().tryConsumeAndReturnRemaining(1);
        }

        private Bucket newBucket(String partition) {
            long[] start = startingTokens.apply(partition);
            LocalBucketBuilder builder = Bucket.builder();
            for (int i = 0; i < windows.size(); i++) {
                Bandwidth window = windows.get(i);
                builder.addLimit(start == null ? window
                        : window.withInitialTokens(Math.max(0, Math.min(window.getCapacity(), start[i]))));
            }
            return builder.withCustomTimePrecision(clock).build();
        }

        @Override
        public void reset() {
            buckets.clear();
        }

        @Override
        public Status status() {
            return STATUS;
        }
    }
}
