package ai.voxworks.mock.junit5;

import ai.voxworks.client.internal.ApiKeys;
import ai.voxworks.client.internal.Durations;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.RecordedRequest;
import ai.voxworks.mock.Team;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/**
 * Counts the journal's requests that match a {@link RequestPattern}, now or as they arrive, and
 * says in a few lines what was received when the count is wrong: nearest first, keys masked.
 */
final class Verifier {

    /** Lines of received requests a failure shows at most: enough to spot the near miss, short enough to read. */
    static final int SHOWN = 10;

    private final MockServer server;
    /** Told of every request a verification matched: those are expected (strict mode). */
    private final Consumer<List<RecordedRequest>> matched;

    Verifier(MockServer server, Consumer<List<RecordedRequest>> matched) {
        this.server = server;
        this.matched = matched;
    }

    void verify(int count, RequestPattern pattern) {
        checkCount(count);
        String keyTeam = keyTeam(pattern);
        List<RecordedRequest> journal = server.requests();
        settle(count, pattern, keyTeam, journal, "");
    }

    void await(Duration timeout, int count, RequestPattern pattern) {
        checkCount(count);
        String keyTeam = keyTeam(pattern);
        List<RecordedRequest> journal;
        try {
            journal = server.awaitRequests(j -> matching(j, pattern, keyTeam).size() >= count, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("Interrupted while waiting for " + count + " requests matching " + pattern, e);
        }
        settle(count, pattern, keyTeam, journal, " within " + Durations.format(timeout));
    }

    private void settle(int count, RequestPattern pattern, String keyTeam, List<RecordedRequest> journal, String within) {
        List<RecordedRequest> found = matching(journal, pattern, keyTeam);
        matched.accept(found);
        if (found.size() != count) {
            throw new AssertionFailedError("Expected " + count + " request" + (count == 1 ? "" : "s") + " matching "
                    + pattern + within + ", but " + found.size() + " matched." + unknownKey(pattern, keyTeam)
                    + received(journal, r -> pattern.misses(r, keyTeam)));
        }
    }

    private static void checkCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count of requests is 0 or more, not " + count);
        }
    }

    private static List<RecordedRequest> matching(List<RecordedRequest> journal, RequestPattern pattern, String keyTeam) {
        return journal.stream().filter(r -> pattern.misses(r, keyTeam).isEmpty()).toList();
    }

    /**
     * The team of the pattern's key, {@code null} when it has none or the key is no team's.
     *
     * @throws IllegalArgumentException when another key of that team masks alike: the journal cannot tell them apart
     */
    private String keyTeam(RequestPattern pattern) {
        String key = pattern.apiKey();
        if (key == null) {
            return null;
        }
        Optional<Team> team = server.fixtures().teamOfKey(key);
        if (team.isEmpty()) {
            return null;
        }
        String masked = ApiKeys.mask(key);
        if (team.get().apiKeys().stream().anyMatch(other -> !other.equals(key) && ApiKeys.mask(other).equals(masked))) {
            throw new IllegalArgumentException("withKey(" + masked + "): " + team.get().id() + " has another key that is "
                    + masked + " masked too, and the journal keeps keys masked only, so it cannot tell the two apart; "
                    + "give the keys of a team 20 characters or more, and different first 8 or last 4");
        }
        return team.get().id();
    }

    private static String unknownKey(RequestPattern pattern, String keyTeam) {
        return pattern.apiKey() == null || keyTeam != null ? ""
                : " The key " + ApiKeys.mask(pattern.apiKey()) + " is no team's in the mock's data: its requests were "
                + "answered 401 and journaled without a key.";
    }

    /** Newline, then the journal as lines, nearest first (fewest misses, then newest), at most {@link #SHOWN}. */
    static String received(List<RecordedRequest> journal, Function<RecordedRequest, List<String>> misses) {
        if (journal.isEmpty()) {
            return "\nNo API request has reached the mock in this test.";
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < journal.size(); i++) {
            lines.add(new Line(i, journal.get(i), misses.apply(journal.get(i))));
        }
        lines.sort(Comparator.comparingInt((Line l) -> l.misses().size()).thenComparingInt(Line::age));
        return "\nReceived " + journal.size() + (journal.size() == 1 ? " request" : " requests")
                + " in this test, nearest first:" + table(lines.stream().map(l -> new Row(l.request(),
                        l.misses().isEmpty() ? "matches" : "differs in " + String.join(", ", l.misses()))).toList());
    }

    /** The rows as lines, each request then its note, aligned; at most {@link #SHOWN}, then how many more. */
    static String table(List<Row> rows) {
        List<Row> shown = rows.subList(0, Math.min(SHOWN, rows.size()));
        int width = shown.stream().mapToInt(r -> describe(r.request()).length()).max().orElse(0);
        StringBuilder s = new StringBuilder();
        for (Row row : shown) {
            String what = describe(row.request());
            s.append("\n  ").append(what).append(" ".repeat(width - what.length())).append("  ").append(row.note());
        }
        if (rows.size() > shown.size()) {
            s.append("\n  ... and ").append(rows.size() - shown.size()).append(" more (mock.requests() has them all)");
        }
        return s.toString();
    }

    /** A request and what to say of it. */
    record Row(RecordedRequest request, String note) {
    }

    /** {@code GET /api/v1/get-call/call_x -> 200, key vx_test_…3a9c}: the key masked, as the journal keeps it. */
    static String describe(RecordedRequest r) {
        String status = r.status() == 0 ? "no status" : Integer.toString(r.status());
        return r.method() + " " + r.path() + " -> " + status + (r.fault() == null ? "" : " (" + r.fault() + ")")
                + ", " + (r.maskedKey() == null ? "no key" : "key " + r.maskedKey());
    }

    /** A request of the journal, its place (0: newest) and what of the pattern it misses. */
    private record Line(int age, RecordedRequest request, List<String> misses) {
    }
}
