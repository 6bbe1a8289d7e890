package ai.voxworks.conformance;

import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * A rule the server broke, stated in full: the check, what was expected, what came, and the
 * exchanges that show it. The message is the whole text, so Surefire's report has it too.
 */
final class ConformanceFailure extends AssertionFailedError {

    private final String check;

    ConformanceFailure(String check, String expected, String actual, List<Exchange> exchanges) {
        super(render(check, expected, actual, exchanges), expected, actual);
        this.check = check;
    }

    /** One line: what was expected and what came. */
    String summary() {
        return "expected " + getExpected().getStringRepresentation() + ", actual " + getActual().getStringRepresentation();
    }

    String check() {
        return check;
    }

    private static String render(String check, String expected, String actual, List<Exchange> exchanges) {
        StringBuilder out = new StringBuilder();
        block(out, "check", List.of(check));
        block(out, "expected", List.of(expected));
        block(out, "actual", actual.lines().toList());
        exchanges(out, exchanges);
        return out.toString().stripTrailing();
    }

    /** Appends the exchanges, one labelled block each. */
    static void exchanges(StringBuilder out, List<Exchange> exchanges) {
        for (int i = 0; i < exchanges.size(); i++) {
            block(out, exchanges.size() == 1 ? "exchange" : "exchange " + (i + 1), exchanges.get(i).describe());
        }
    }

    /** {@code label:} then the lines, aligned one under the other. */
    static void block(StringBuilder out, String label, List<String> lines) {
        String pad = " ".repeat(12);
        for (int i = 0; i < lines.size(); i++) {
            String head = i == 0 ? (label + ":" + pad).substring(0, 12) : pad;
            out.append(head).append(lines.get(i)).append('\n');
        }
    }
}
