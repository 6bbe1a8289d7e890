package ai.voxworks.mock.internal.http;

import ai.voxworks.client.internal.ApiKeys;
import ai.voxworks.mock.RecordedRequest;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
 */
final class RequestJournal {

    /** One entry as recorded, and the keys to mask in it. */
    private record Held(RecordedRequest request, Map<String, ?> keys) {
    }

    private final AtomicReferenceArray<Held> ring;
    private final AtomicLong next = new AtomicLong();
    private final Supplier<Map<String, ?>> keys;

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
        long began = ServletContextRequest.getServletContextRequest(ctx.req()).getBeginNanoTime();
        double latencyMs = Math.round((System.nanoTime() - began) / 100_000.0) / 10.0;
        long slot = next.getAndIncrement();
        ring.set((int) (slot % ring.length()), new Held(new RecordedRequest(Instant.now(), ctx.method().name(), ctx.path(),
                ctx.statusCode(), caller == null ? null : caller.team().id(),
                caller == null ? null : ApiKeys.mask(caller.apiKey()), latencyMs), keys.get()));
    }

    /** The entries still held, newest first. */
    List<RecordedRequest> newestFirst() {
        long end = next.get();
        long start = Math.max(0, end - ring.length());
        List<RecordedRequest> entries = new ArrayList<>((int) (end - start));
        for (long i = end - 1; i >= start; i--) {
            Held e = ring.get((int) (i % ring.length()));
            if (e != null) {
                RecordedRequest r = e.request();
                String path = masked(r.path(), e.keys().keySet());
                entries.add(path.equals(r.path()) ? r
                        : new RecordedRequest(r.time(), r.method(), path, r.status(), r.teamId(), r.maskedKey(), r.latencyMs()));
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
