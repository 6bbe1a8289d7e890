package ai.voxworks.mock.internal.http;

import ai.voxworks.client.internal.ApiKeys;
import ai.voxworks.mock.Fault;
import ai.voxworks.mock.RecordedRequest;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * The last API requests, for {@code GET /__mock/requests}: a fixed-size ring, lock-free, so
 * recording costs two small objects per request and memory stays bounded however long it runs.
 *
 * <p>No configured key leaves it: an entry keeps no query and no header, the caller's key only
 * masked, and a key anywhere in the path, in any letter case and percent-encoded or not, is masked
 * when the entry is read (a key sent as a call id, say). Masking on read keeps the request path
 * free of the scan; each entry holds the keys configured when it was recorded.
 *
 * <p>Whoever waits for an entry ({@link #awaitAfter}) is woken by the next one recorded: no polling.
 * Recording pays for that with one read of a counter when nobody waits.
 */
final class RequestJournal {

    /** One entry as recorded, the slot number it was recorded under, and the keys to mask in it. */
    private record Held(long slot, RecordedRequest request, Map<String, ?> keys) {
    }

    private final AtomicReferenceArray<Held> ring;
    private final AtomicLong next = new AtomicLong();
    /** Entries completely recorded so far, ever: what waiters compare against. */
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object signal = new Object();
    private final Supplier<Map<String, ?>> keys;
    // Only keys that authenticated get here, so this holds at most the keys of the fixtures.
    private final Map<String, String> maskedKeys = new ConcurrentHashMap<>();

    /** @param keys the keys configured now (the fixtures' teams by key) */
    RequestJournal(int capacity, Supplier<Map<String, ?>> keys) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.ring = new AtomicReferenceArray<>(capacity);
        this.keys = keys;
    }

    /**
     * Records the response just written to {@code ctx}; {@code caller} is who authenticated it,
     * or {@code null}. The latency runs from the moment the server read the request.
     */
    void record(Context ctx, Caller caller) {
        record(ctx, caller, ctx.statusCode(), null, Reply.NO_STAGE);
    }

    /**
     * As {@link #record(Context, Caller)}, with the status sent (0: none), the fault given, or {@code null},
     * and the stage of a moving call's timeline that answered ({@link Reply#NO_STAGE}: none).
     */
    void record(Context ctx, Caller caller, int status, Fault fault, int stage) {
        long began = ServletContextRequest.getServletContextRequest(ctx.req()).getBeginNanoTime();
        double latencyMs = Math.round((System.nanoTime() - began) / 100_000.0) / 10.0;
        store(claim(), new RecordedRequest(Instant.now(), ctx.method().name(), ctx.path(), status,
                caller == null ? null : caller.team().id(),
                caller == null ? null : maskedKeys.computeIfAbsent(caller.apiKey(), ApiKeys::mask), latencyMs,
                fault == null ? null : fault.name(), stage == Reply.NO_STAGE ? null : stage));
    }

    /** The slot the next entry goes in; until it is {@linkplain #store stored}, readers skip it. */
    long claim() {
        return next.getAndIncrement();
    }

    /** Puts {@code request} in {@code slot}, a slot {@link #claim()} gave, and wakes whoever waits for it. */
    void store(long slot, RecordedRequest request) {
        ring.set((int) (slot % ring.length()), new Held(slot, request, keys.get()));
        // Counted once the entry is in place, so a waiter woken by the count reads the entry too.
        recorded.incrementAndGet();
        if (waiting.get() > 0) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    /** How many entries have been recorded since the server started (a reset does not count back). */
    long recorded() {
        return recorded.get();
    }

    /**
     * Waits until more than {@code seen} entries have been recorded ({@link #recorded()}), or
     * {@code nanos} pass.
     *
     * @return whether one was
     */
    boolean awaitAfter(long seen, long nanos) throws InterruptedException {
        long until = System.nanoTime() + nanos;
        // Announced before the count is read: a recorder that finds nobody waiting has counted
        // before this read, and the read sees its entry.
        waiting.incrementAndGet();
        try {
            synchronized (signal) {
                while (recorded.get() <= seen) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                }
                return true;
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** The entries still held, newest first. */
    List<RecordedRequest> newestFirst() {
        long end = next.get();
        long start = Math.max(0, end - ring.length());
        List<RecordedRequest> entries = new ArrayList<>((int) (end - start));
        for (long i = end - 1; i >= start; i--) {
            Held e = ring.get((int) (i % ring.length()));
            // A slot claimed but not yet filled still holds the entry of a full ring ago, or nothing.
            if (e != null && e.slot() == i) {
                RecordedRequest r = e.request();
                String path = masked(r.path(), e.keys().keySet());
                entries.add(path.equals(r.path()) ? r
                        : new RecordedRequest(r.time(), r.method(), path, r.status(), r.teamId(), r.maskedKey(), r.latencyMs(),
                                r.fault(), r.stage()));
            }
        }
        return entries;
    }

    /** {@code path} with each of {@code keys} masked, in any letter case, written plainly or percent-encoded. */
    static String masked(String path, Collection<String> keys) {
        String out = ApiKeys.redact(path, keys);
        if (out.indexOf('%') < 0) {
            return out;
        }
        for (String key : keys) {
            if (key.length() >= 6) {
                out = encodedForm(key).matcher(out).replaceAll(Matcher.quoteReplacement(ApiKeys.mask(key)));
            }
        }
        return out;
    }

    /** Matches {@code key} in any letter case with any of its characters percent-encoded ({@code vx%5Ftest...}). */
    private static Pattern encodedForm(String key) {
        StringBuilder regex = new StringBuilder();
        key.codePoints().forEach(c -> {
            StringBuilder encoded = new StringBuilder();
            for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                encoded.append('%').append(String.format("%02x", b & 0xff));
            }
            regex.append("(?:").append(Pattern.quote(new String(Character.toChars(c)))).append('|')
                    .append(Pattern.quote(encoded.toString())).append(')');
        });
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
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
