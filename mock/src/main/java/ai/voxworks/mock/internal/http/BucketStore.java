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
        private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

        Local(List<Bandwidth> windows, TimeMeter clock) {
            this.windows = windows;
            this.clock = clock;
        }

        @Override
        public VerboseResult<ConsumptionProbe> consume(String partition) {
            Bucket bucket = buckets.get(partition);
            if (bucket == null) {
                bucket = buckets.computeIfAbsent(partition, p -> newBucket());
            }
            return bucket.asVerbose().tryConsumeAndReturnRemaining(1);
        }

        private Bucket newBucket() {
            LocalBucketBuilder builder = Bucket.builder();
            windows.forEach(builder::addLimit);
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
