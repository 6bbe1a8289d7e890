package ai.voxworks.mock.internal.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Where the limiter's buckets live: one per partition (an API key, or a team). */
interface BucketStore {

    /** The partition's bucket, made full on first use. */
    Bucket bucket(String partition);

    /** Forgets every bucket: each partition starts again with full windows. */
    void reset();

    /** Buckets in this process (Bucket4j's lock-free bucket, exact under concurrency). */
    final class Local implements BucketStore {

        private final List<Bandwidth> windows;
        private final TimeMeter clock;
        private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

        Local(List<Bandwidth> windows, TimeMeter clock) {
            this.windows = windows;
            this.clock = clock;
        }

        @Override
        public Bucket bucket(String partition) {
            Bucket bucket = buckets.get(partition);
            return bucket != null ? bucket : buckets.computeIfAbsent(partition, p -> newBucket());
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
    }
}
