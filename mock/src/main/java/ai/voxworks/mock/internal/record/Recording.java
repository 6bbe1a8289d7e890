package ai.voxworks.mock.internal.record;

import ai.voxworks.client.internal.ApiKeys;
import ai.voxworks.client.Sleeper;
import ai.voxworks.mock.FixtureProblem;
import ai.voxworks.mock.Fixtures;
import ai.voxworks.mock.InvalidFixturesException;
import ai.voxworks.mock.RecordingSummary;
import ai.voxworks.mock.Team;
import ai.voxworks.mock.internal.fixtures.CallIds;
import ai.voxworks.mock.internal.fixtures.FixtureWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One recording: for each id, ask the server ({@link Fetcher}), check the call as a call file is
 * checked, redact it ({@link Redaction}), make sure the key that recorded it is not in it, add its
 * team to {@code teams.json} when missing, and write it ({@link FixtureWriter}). Then load the
 * directory as the mock would. Every line it prints and every reason it gives is scrubbed of the key.
 */
public final class Recording {

    /**
     * What a recording needs.
     *
     * @param from             base URL of the server to record from
     * @param apiKey           the key to ask with; never printed or written
     * @param outputDir        the fixtures directory to write
     * @param redact           JSON pointers of fields to replace with placeholders
     * @param keepUrlQueries   keep the query, fragment and user info of URLs (stripped by default)
     * @param progress         where progress lines go
     * @param maxRetries       retries of a 5xx or a transport failure
     * @param initialBackoff   the first backoff ceiling, doubling per retry
     * @param maxRateLimitWait the longest {@code Retry-After} waited out; a longer one stops the recording
     * @param timeout          the longest one attempt may take, body included
     * @param sleeper          how to wait
     * @param follow           whether to poll each call until it ends and write the stages seen as its timeline
     * @param followTimeout    how long following may go on, from the first request
     * @param clock            what tells the time of each stage seen
     */
    public record Settings(String from, String apiKey, Path outputDir, List<String> redact, boolean keepUrlQueries,
                           Consumer<String> progress, int maxRetries, Duration initialBackoff, Duration maxRateLimitWait,
                           Duration timeout, Sleeper sleeper, boolean follow, Duration followTimeout, Clock clock) {

        public Settings {
            redact = List.copyOf(redact);
        }

        @Override
        public String toString() {
            return "Settings[from=" + from + ", apiKey=" + ApiKeys.mask(apiKey) + ", outputDir=" + outputDir
                    + ", redact=" + redact + ", keepUrlQueries=" + keepUrlQueries + ", follow=" + follow + "]";
        }
    }

    private final Settings settings;
    private final Consumer<String> progress;
    private final Redaction redaction;

    private Recording(Settings settings) {
        this.settings = settings;
        this.progress = line -> settings.progress().accept(scrub(line));
        this.redaction = new Redaction(settings.redact(), !settings.keepUrlQueries());
    }

    /** The redaction rule: a JSON pointer to a field other than /id and /team_id. */
    public static String checkPointer(String pointer) {
        return Redaction.checkPointer(pointer);
    }

    /**
     * The id rule: the mock stores a call as {@code calls/<id>.json}, so an id must make a file name.
     *
     * @throws IllegalArgumentException saying why it does not
     */
    public static String checkId(String id) {
        String problem = CallIds.problem(id);
        if (problem != null) {
            throw new IllegalArgumentException(id == null || id.isBlank() ? problem
                    : CallIds.shown(id) + " cannot be recorded: " + problem);
        }
        return id;
    }

    /**
     * Records {@code ids} (duplicates once) as the settings say.
     *
     * @throws IllegalArgumentException when an id cannot be recorded; nothing was asked for
     * @throws InvalidFixturesException when the output directory is not a directory or its teams.json is invalid
     */
    public static RecordingSummary run(Settings settings, List<String> ids) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
        for (String id : unique) {
            checkId(id);
            if (id.contains(settings.apiKey())) {
                throw new IllegalArgumentException("one of the ids is the API key; give call ids");
            }
        }
        return new Recording(settings).run(unique);
    }

    private RecordingSummary run(List<String> ids) {
        FixtureWriter writer = FixtureWriter.open(settings.outputDir());
        try (Fetcher fetcher = new Fetcher(settings.from(), settings.apiKey(), new Fetcher.Retries(settings.maxRetries(),
                settings.initialBackoff(), settings.maxRateLimitWait(), settings.timeout(), settings.sleeper()), progress)) {
            return settings.follow() ? new Following(this, settings, progress, writer, fetcher).run(ids)
                    : run(ids, writer, fetcher);
        }
    }

    private RecordingSummary run(List<String> ids, FixtureWriter writer, Fetcher fetcher) {
        notes(ids, writer, "Recording");
        List<RecordingSummary.Saved> saved = new ArrayList<>();
        List<RecordingSummary.Skipped> skipped = new ArrayList<>();
        List<Team> newTeams = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        boolean redactedAny = false;
        String stop = null;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String line = "[" + (i + 1) + "/" + ids.size() + "] " + id;
            if (stop != null) {
                skipped.add(new RecordingSummary.Skipped(id, "not asked for: the recording stopped"));
                continue;
            }
            String notSaved;
            try {
                Fetched fetched = fetcher.fetch(id);
                if (fetched instanceof Fetched.Body body) {
                    Outcome outcome = save(writer, id, body.callJson(), newTeams, matched);
                    redactedAny |= outcome.redactionChecked();
                    if (outcome.saved() != null) {
                        saved.add(outcome.saved());
                        progress.accept(line + ": saved " + settings.outputDir().relativize(outcome.saved().file()) + " ("
                                + outcome.saved().teamId() + ")");
                        continue;
                    }
                    notSaved = outcome.notSaved();
                } else if (fetched instanceof Fetched.Stop halt) {
                    notSaved = halt.reason();
                    stop = halt.reason();
                } else {
                    notSaved = ((Fetched.Skip) fetched).reason();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                notSaved = "interrupted";
                stop = "interrupted";
            } catch (IOException e) {
                notSaved = "cannot write to " + settings.outputDir() + ": " + e.getMessage();
                stop = notSaved;
            }
            skipped.add(new RecordingSummary.Skipped(id, scrub(notSaved)));
            progress.accept(line + ": not saved: " + notSaved + (stop != null ? "; stopping" : ""));
        }
        return summary(saved, skipped, newTeams, matched, redactedAny, stop);
    }

    /** The first lines of a run: what it does, and what to know about where it reads from and writes to. */
    void notes(List<String> ids, FixtureWriter writer, String doing) {
        progress.accept(doing + " " + ids.size() + (ids.size() == 1 ? " call" : " calls") + " from " + settings.from()
                + " into " + settings.outputDir() + " (key " + ApiKeys.mask(settings.apiKey()) + ")");
        if (inClearText(settings.from())) {
            progress.accept("note: " + settings.from() + " is plain http to another machine: the key crosses the network "
                    + "unencrypted");
        }
        if (writer.keys().contains(settings.apiKey())) {
            progress.accept("note: " + settings.outputDir().resolve("teams.json") + " already holds the key used to record, "
                    + ApiKeys.mask(settings.apiKey()) + ", as a demo key; existing keys are kept as they are");
        }
    }

    /** The summary of a run, once every id has been dealt with. */
    RecordingSummary summary(List<RecordingSummary.Saved> saved, List<RecordingSummary.Skipped> skipped, List<Team> newTeams,
                             Set<String> matched, boolean redactedAny, String stop) {
        // A pointer that named no field of any call the recording looked at is a typo, or a field these calls lack:
        // either way, what it was meant to hide may be in the files.
        List<String> unmatched = !redactedAny ? List.of()
                : settings.redact().stream().distinct().filter(p -> !matched.contains(p)).toList();
        unmatched.forEach(p -> progress.accept("note: --redact " + p + " matched no field of the recorded calls"));
        return new RecordingSummary(settings.from(), settings.outputDir(), saved, skipped, newTeams,
                Optional.ofNullable(stop).map(this::scrub), saved.isEmpty() ? List.of() : loadProblems(), unmatched);
    }

    /** What became of one call the server sent: saved, or why not; whether it got as far as redaction. */
    record Outcome(RecordingSummary.Saved saved, String notSaved, boolean redactionChecked) {
        static Outcome not(String reason, boolean redactionChecked) {
            return new Outcome(null, reason, redactionChecked);
        }
    }

    /** Saves one call; adds the --redact pointers that named one of its fields to {@code matched}. */
    private Outcome save(FixtureWriter writer, String id, String callJson, List<Team> newTeams, Set<String> matched)
            throws IOException {
        Prepared prepared = prepare(writer, id, callJson, matched);
        if (prepared.redacted() == null) {
            return Outcome.not(prepared.notSaved(), prepared.redactionChecked());
        }
        return write(writer, id, prepared.redacted(), prepared, 0, newTeams);
    }

    /**
     * One answer checked as a call file is and redacted: what is written (alone, or as a stage of a timeline),
     * or why it cannot be ({@code notSaved}).
     */
    record Prepared(ObjectNode checked, ObjectNode redacted, List<String> redactedPointers, int urlsStripped,
                    String notSaved, boolean redactionChecked) {
        static Prepared not(String reason, boolean redactionChecked) {
            return new Prepared(null, null, List.of(), 0, reason, redactionChecked);
        }
    }

    /** Checks and redacts one answer; adds the --redact pointers that named one of its fields to {@code matched}. */
    Prepared prepare(FixtureWriter writer, String id, String callJson, Set<String> matched) {
        List<FixtureProblem> problems = new ArrayList<>();
        ObjectNode call = writer.call(callJson, id, problems);
        if (call == null) {
            return Prepared.not("the response does not match the spec: " + describe(problems), false);
        }
        Redaction.Result redacted = redaction.apply(call, candidate -> {
            List<FixtureProblem> found = new ArrayList<>();
            writer.check(candidate, id, found);
            return found;
        });
        matched.addAll(redacted.present());
        if (redacted.call() == null) {
            return Prepared.not("no placeholder for " + String.join(", ", redacted.redacted()) + " satisfies the spec: "
                    + describe(redacted.problems()), true);
        }
        String leak = find(redacted.call(), settings.apiKey(), "");
        if (leak != null) {
            return Prepared.not("the call holds the API key used to record it, at " + leak + "; --redact " + leak
                    + " replaces that field", true);
        }
        return new Prepared(call, redacted.call(), redacted.redacted(), redacted.urlsStripped(), null, true);
    }

    /**
     * Writes {@code document} (a call, or a call with its timeline of {@code stages}) as the call {@code id}, its
     * team first; {@code last} says what redaction did.
     */
    Outcome write(FixtureWriter writer, String id, ObjectNode document, Prepared last, int stages, List<Team> newTeams)
            throws IOException {
        byte[] bytes = writer.fileBytes(document);
        if (ApiKeys.containsIgnoreCase(new String(bytes, StandardCharsets.UTF_8), settings.apiKey())) {
            return Outcome.not("the call holds the API key used to record it", true);
        }
        String teamId = document.get("team_id").asString();
        writer.addTeam(teamId, () -> DemoKeys.newKey(teamId)).ifPresent(newTeams::add);
        Path file = writer.writeCall(id, teamId, bytes);
        return new Outcome(new RecordingSummary.Saved(id, teamId, file, last.redactedPointers(), last.urlsStripped(),
                stages), null, true);
    }

    /** Plain http to a host other than this machine. */
    private static boolean inClearText(String url) {
        String host = URI.create(url).getHost();
        return url.regionMatches(true, 0, "http:", 0, 5)
                && !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    /** What keeps the output directory from loading as the mock's fixtures; empty when it loads. */
    private List<FixtureProblem> loadProblems() {
        try {
            Fixtures.load(settings.outputDir());
            return List.of();
        } catch (InvalidFixturesException e) {
            return e.problems();
        }
    }

    /** The pointer of the first name or string under {@code node} that holds {@code key}, or {@code null}. */
    private static String find(JsonNode node, String key, String at) {
        if (node.isString()) {
            return ApiKeys.containsIgnoreCase(node.asString(), key) ? (at.isEmpty() ? "/" : at) : null;
        }
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                String found = ApiKeys.containsIgnoreCase(name, key) ? pointer : find(object.get(name), key, pointer);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), key, at + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The first problems, as {@code /pointer: reason}. */
    private static String describe(List<FixtureProblem> problems) {
        String shown = problems.stream().limit(3)
                .map(p -> (p.pointer().isEmpty() ? "(document)" : p.pointer()) + ": " + p.reason())
                .collect(Collectors.joining("; "));
        return problems.size() > 3 ? shown + "; and " + (problems.size() - 3) + " more" : shown;
    }

    String scrub(String text) {
        return ApiKeys.redact(text, settings.apiKey());
    }
}
