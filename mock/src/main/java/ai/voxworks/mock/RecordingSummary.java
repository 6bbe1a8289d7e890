package ai.voxworks.mock;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What a {@link Recorder} run did: the calls it saved, the ones it did not and why, the teams it
 * added to {@code teams.json} with their new demo keys, and whether the output directory loads as
 * the mock's fixtures. {@link #report()} says it in lines for people.
 *
 * @param from       the server the calls came from
 * @param outputDir  the fixtures directory written to: serve it with {@code --fixtures}
 * @param saved      the calls saved, in the order asked for
 * @param skipped    the calls not saved, each with the reason, in the order asked for
 * @param newTeams   the teams added to {@code teams.json}, each with its new demo key
 * @param stopReason why the run stopped before the last id (the key was refused, say), if it did
 * @param problems   what keeps {@code outputDir} from loading as fixtures after the run; empty when it loads
 *                   (or when nothing was saved)
 * @param unmatchedRedactions the pointers given for redaction that named no field of any call received: a
 *                   typo, or a field these calls lack; either way, what they were meant to hide may be in the files
 */
public record RecordingSummary(String from, Path outputDir, List<Saved> saved, List<Skipped> skipped, List<Team> newTeams,
                               Optional<String> stopReason, List<FixtureProblem> problems,
                               List<String> unmatchedRedactions) {

    public RecordingSummary {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(outputDir, "outputDir");
        saved = List.copyOf(saved);
        skipped = List.copyOf(skipped);
        newTeams = List.copyOf(newTeams);
        Objects.requireNonNull(stopReason, "stopReason");
        problems = List.copyOf(problems);
        unmatchedRedactions = List.copyOf(unmatchedRedactions);
    }

    /**
     * A call saved as {@code file}.
     *
     * @param id           the call's id
     * @param teamId       its team, whose keys in {@code teams.json} can read it
     * @param file         the file written, {@code <outputDir>/calls/<id>.json} unless the call had a file elsewhere
     *                     under {@code calls/} already
     * @param redacted     the pointers given for redaction that this call had, now placeholders
     * @param urlsStripped how many URLs lost a query, fragment or user info
     * @param stages       with {@link Recorder.Builder#follow}, how many stages the call's timeline has; 0 for a call
     *                     written as it was once (recorded without following, or already ended when first seen)
     */
    public record Saved(String id, String teamId, Path file, List<String> redacted, int urlsStripped, int stages) {
        public Saved {
            redacted = List.copyOf(redacted);
        }

        /** A call written as it was once. */
        public Saved(String id, String teamId, Path file, List<String> redacted, int urlsStripped) {
            this(id, teamId, file, redacted, urlsStripped, 0);
        }
    }

    /**
     * A call not saved.
     *
     * @param id     the id asked for
     * @param reason why, in a sentence (the status and the server's message, or a JSON pointer and what the spec wants)
     */
    public record Skipped(String id, String reason) {
    }

    /** Every call asked for was saved, every pointer given for redaction named a field, and the output directory loads as fixtures. */
    public boolean succeeded() {
        return skipped.isEmpty() && stopReason.isEmpty() && problems.isEmpty() && unmatchedRedactions.isEmpty();
    }

    /** Lines for people: a headline, a line a call, the new demo keys, whether the directory loads. */
    public String report() {
        StringJoiner lines = new StringJoiner("\n");
        lines.add("Recorded " + saved.size() + " of " + (saved.size() + skipped.size()) + " calls from " + from + " into "
                + outputDir);
        saved.forEach(s -> lines.add("  saved    " + s.id() + "  " + s.teamId() + "  " + shown(s.file()) + notes(s)));
        skipped.forEach(s -> lines.add("  skipped  " + s.id() + "  " + s.reason()));
        stopReason.ifPresent(reason -> lines.add("  stopped: " + reason));
        unmatchedRedactions.forEach(p -> lines.add("  --redact " + p + " matched no field of any call received: a typo "
                + "would leave what it was meant to hide in the files; check it, and record again"));
        // Demo keys the recording made up: fake, so fine to print (the key that recorded never is).
        newTeams.forEach(t -> lines.add("  new team " + t.id() + " in teams.json, demo key " + t.apiKeys().get(0)));
        if (saved.isEmpty()) {
            lines.add("Nothing was saved.");
        } else if (problems.isEmpty()) {
            lines.add(outputDir + " loads as the mock's fixtures.");
        } else {
            lines.add(outputDir + " does not load as fixtures:");
            problems.forEach(p -> lines.add("  " + p));
        }
        return lines.toString();
    }

    private String shown(Path file) {
        return file.startsWith(outputDir) ? outputDir.relativize(file).toString() : file.toString();
    }

    private static String notes(Saved s) {
        StringJoiner notes = new StringJoiner("; ", "  (", ")").setEmptyValue("");
        if (s.stages() > 0) {
            notes.add("a timeline of " + s.stages() + " stages");
        }
        if (s.urlsStripped() > 0) {
            notes.add(s.urlsStripped() + (s.urlsStripped() == 1 ? " URL" : " URLs") + " stripped of query and credentials");
        }
        if (!s.redacted().isEmpty()) {
            notes.add("redacted " + String.join(", ", s.redacted()));
        }
        return notes.toString();
    }

    @Override
    public String toString() {
        return "RecordingSummary[" + saved.size() + " saved, " + skipped.size() + " skipped"
                + stopReason.map(r -> ", stopped").orElse("") + ", into " + outputDir + "]";
    }
}
