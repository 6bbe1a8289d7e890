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

    /**
     * A partition's bucket, and when its windows started (the clock's nanoseconds): each window
     * starts again whole every length after that.
     */
    record Entry(Bucket bucket, long startNanos) {
    }

    /** The partition's bucket, made full on first use. */
    Entry bucket(String partition);

    /** Forgets every bucket: each partition starts again with full windows. */
    void reset();

    /** Buckets in this process (Bucket4j's lock-free bucket, exact under concurrency). */
    final class Local implements BucketStore {

        private final List<Bandwidth> windows;
        private final TimeMeter clock;
        private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();

        Local(List<Bandwidth> windows, TimeMeter clock) {
            this.windows = windows;
            this.clock = clock;
        }

        @Override
        public Entry bucket(String partition) {
            Entry entry = buckets.get(partition);
            return entry != null ? entry : buckets.computeIfAbsent(partition, p -> newEntry());
        }

        private Entry newEntry() {
            LocalBucketBuilder builder = Bucket.builder();
            windows.forEach(builder::addLimit);
            long start = clock.currentTimeNanos();
            return new Entry(builder.withCustomTimePrecision(clock).build(), start);
        }

        @Override
        public void reset() {
            buckets.clear();
        }
    }
}
