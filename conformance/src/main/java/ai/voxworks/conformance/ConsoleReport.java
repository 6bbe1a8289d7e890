package ai.voxworks.conformance;

import ai.voxworks.conformance.Results.CaseResult;
import ai.voxworks.conformance.Results.Group;
import ai.voxworks.conformance.Results.Outcome;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The run as a terminal or a CI log shows it: a header (target, profile, inputs, about how many
 * requests), one line per case as it ends (with the reason for anything but a pass), then every
 * failure in full, and a last line that counts. Everything printed goes through {@code redact}.
 */
final class ConsoleReport implements Results.Live {

    private static final String INDENT = "  ";
    /** The summary key of a suite that did not run (the Maven route against another server). */
    static final String NOT_RUN = "not run";

    private final PrintStream out;
    private final UnaryOperator<String> redact;

    ConsoleReport(PrintStream out, UnaryOperator<String> redact) {
        this.out = out;
        this.redact = redact;
    }

    @Override
    public void started(Group group) {
        print(header(group));
    }

    @Override
    public void finished(Group group, CaseResult result) {
        print(line(result));
    }

    @Override
    public void waiting(Group group, String caseName, String line) {
        print(waitLine(caseName, line));
    }

    /** {@code   WAIT          strict · … — waiting 5 s: Retry-After 4 s …}. */
    static String waitLine(String caseName, String line) {
        return INDENT + pad("WAIT", 14) + caseName + " — " + line;
    }

    /** After the run: each failure in full, then the count, for every run. */
    void end(Results results) {
        for (Group group : results.groups()) {
            print(details(group));
            print(count(group));
        }
        if (results.groups().isEmpty()) {
            print("No case ran.");
        }
    }

    /** All of it at once, for a run already over (the Maven route); a suite not run is its header alone, which says why. */
    void all(Results results) {
        for (Group group : results.groups()) {
            print(header(group));
            if (!group.summary.containsKey(NOT_RUN)) {
                group.cases.forEach(c -> print(line(c)));
                print(details(group));
            }
            print(count(group));
        }
    }

    static String header(Group group) {
        StringBuilder out = new StringBuilder("\nVoxworks conformance: ").append(group.summary.get("target")).append('\n');
        for (Map.Entry<String, String> e : group.summary.entrySet()) {
            if (!e.getKey().equals("target")) {
                out.append(INDENT).append(pad(e.getKey(), 12)).append(e.getValue()).append('\n');
            }
        }
        if (group.estimate > 0) {
            out.append(INDENT).append(pad("requests", 12)).append("about ").append(group.estimate);
            if (group.exhaustsTheRateLimit && String.valueOf(group.summary.get("rate limit")).startsWith(Target.EXERCISED)) {
                out.append(", then about as many as the key's quota allows, to reach its rate limit");
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String line(CaseResult result) {
        StringBuilder out = new StringBuilder(INDENT).append(pad(word(result.outcome()), 14)).append(result.name());
        if (!result.reason().isEmpty()) {
            out.append(" — ").append(result.reason());
        }
        result.notes().forEach(n -> out.append('\n').append(" ".repeat(16)).append("note: ").append(n));
        return out.toString();
    }

    /**
     * Each failure in full; then the rate-limited cases, the first in full and the others by name,
     * since they all say the same: the server refused before the case could check anything.
     */
    static String details(Group group) {
        List<CaseResult> failed = group.cases.stream().filter(c -> c.outcome() == Outcome.FAILED).toList();
        List<CaseResult> limited = group.cases.stream().filter(c -> c.outcome() == Outcome.RATE_LIMITED).toList();
        StringBuilder out = new StringBuilder();
        if (!failed.isEmpty()) {
            out.append("\nFailed (").append(failed.size()).append("), in full:\n");
            for (int i = 0; i < failed.size(); i++) {
                out.append('\n').append(i + 1).append(". ").append(failed.get(i).name()).append('\n');
                indent(out, failed.get(i).details());
            }
        }
        if (!limited.isEmpty()) {
            out.append("\nRate limited (").append(limited.size()).append("): these cases checked nothing. The first:\n\n")
                    .append(limited.get(0).name()).append('\n');
            indent(out, limited.get(0).details());
            if (limited.size() > 1) {
                out.append("\nand likewise:\n");
                limited.subList(1, limited.size()).forEach(c -> out.append("   ").append(c.name()).append(" — ")
                        .append(c.reason()).append('\n'));
            }
        }
        return out.toString().stripTrailing();
    }

    private static void indent(StringBuilder out, String text) {
        text.lines().forEach(l -> out.append("   ").append(l).append('\n'));
    }

    static String count(Group group) {
        long notRun = group.count(Outcome.NOT_RUN);
        return "\n" + group.count(Outcome.PASSED) + " passed, " + group.count(Outcome.FAILED) + " failed, "
                + group.count(Outcome.RATE_LIMITED) + " rate limited, " + group.count(Outcome.SKIPPED) + " skipped"
                + (notRun > 0 ? ", " + notRun + " not run" : "")
                + " (profile " + group.profile() + ", " + group.requests + " requests in "
                + String.format("%.1f", group.elapsed().toMillis() / 1000.0) + " s)";
    }

    static String word(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            case RATE_LIMITED -> "RATE LIMITED";
            case SKIPPED -> "SKIP";
            case NOT_RUN -> "NOT RUN";
        };
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private void print(String text) {
        if (!text.isEmpty()) {
            out.println(redact.apply(text));
            out.flush();
        }
    }
}
