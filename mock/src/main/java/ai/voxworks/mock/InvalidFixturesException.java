package ai.voxworks.mock;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Fixtures that could not be loaded or a call that could not be stored: nothing was served from
 * them and nothing changed. Lists every problem found, each with its file, pointer and reason.
 */
public final class InvalidFixturesException extends RuntimeException {

    private final transient List<FixtureProblem> problems;

    /** {@code source} names the fixtures ({@code bundled}, a directory, or what was sent). */
    public InvalidFixturesException(String source, List<FixtureProblem> problems) {
        super(describe(source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid fixture set has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order the files were read. */
    public List<FixtureProblem> problems() {
        return problems;
    }

    private static String describe(String source, List<FixtureProblem> problems) {
        String head = problems.size() == 1
                ? "1 problem in the fixtures at " + source + ":"
                : problems.size() + " problems in the fixtures at " + source + ":";
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", head + "\n", ""));
    }
}
