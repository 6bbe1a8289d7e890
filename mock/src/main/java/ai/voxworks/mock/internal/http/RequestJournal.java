package ai.voxworks.mock.internal.http;

import ai.voxworks.client.internal.ApiKeys;
import ai.voxworks.mock.RecordedRequest;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * The last API requests, for {@code GET /__mock/requests}: a fixed-size ring, lock-free, so
 * recording costs one small object per request and memory stays bounded however long it runs.
 */
final class RequestJournal {

    private final AtomicReferenceArray<RecordedRequest> ring;
    private final AtomicLong next = new AtomicLong();

    RequestJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    /**
     * Records the response just written to {@code ctx}; {@code caller} is who authenticated it,
     * or {@code null}. The latency runs from the moment the server read the request.
     */
    void record(Context ctx, Caller caller) {
        long began = ServletContextRequest.getServletContextRequest(ctx.req()).getBeginNanoTime();
        double latencyMs = Math.round((System.nanoTime() - began) / 100_000.0) / 10.0;
        long slot = next.getAndIncrement();
        ring.set((int) (slot % ring.length()), new RecordedRequest(Instant.now(), ctx.method().name(), ctx.path(),
                ctx.statusCode(), caller == null ? null : caller.team().id(),
                caller == null ? null : ApiKeys.mask(caller.apiKey()), latencyMs));
    }

    /** The entries still held, newest first. */
    List<RecordedRequest> newestFirst() {
        long end = next.get();
        long start = Math.max(0, end - ring.length());
        List<RecordedRequest> entries = new ArrayList<>((int) (end - start));
        for (long i = end - 1; i >= start; i--) {
            RecordedRequest e = ring.get((int) (i % ring.length()));
            if (e != null) {
                entries.add(e);
            }
        }
        return entries;
    }

    void clear() {
        for (int i = 0; i < ring.length(); i++) {
            ring.set(i, null);
        }
    }

    int capacity() {
        return ring.length();
    }
}
