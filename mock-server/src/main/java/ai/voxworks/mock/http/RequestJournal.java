package ai.voxworks.mock.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last API requests, for {@code GET /__mock/requests}: a fixed-size ring, lock-free, so
 * recording costs one small object per request and memory stays bounded however long it runs.
 */
public final class RequestJournal {

    /** One request as the journal keeps it; the key is already masked. */
    public record Entry(Instant time, String method, String path, int status, String team, String key,
                        double latencyMs) {
    }

    private final AtomicReferenceArray<Entry> ring;
    private final AtomicLong next = new AtomicLong();

    public RequestJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    void record(Entry entry) {
        long slot = next.getAndIncrement();
        ring.set((int) (slot % ring.length()), entry);
    }

    /** The entries still held, newest first. */
    public List<Entry> newestFirst() {
        long end = next.get();
        long start = Math.max(0, end - ring.length());
        List<Entry> entries = new ArrayList<>((int) (end - start));
        for (long i = end - 1; i >= start; i--) {
            Entry e = ring.get((int) (i % ring.length()));
            if (e != null) {
                entries.add(e);
            }
        }
        return entries;
    }

    public void clear() {
        for (int i = 0; i < ring.length(); i++) {
            ring.set(i, null);
        }
    }

    public int capacity() {
        return ring.length();
    }
}
