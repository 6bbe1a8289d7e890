package ai.voxworks.mock.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints the short durations used by flags: {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1d}, {@code 0}. */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");

    private Durations() {
    }

    /**
     * Parses a whole number with an optional unit ({@code ms}, {@code s}, {@code m}, {@code h}, {@code d});
     * a bare number means milliseconds.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; expected a whole number with a unit, such as 250ms, 2s, 1m or 1d");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalStateException(unit);
        };
    }

    /** Whole days as {@code 1d}, whole hours as {@code 2h}, whole seconds as {@code 60s}, anything finer as {@code 1500ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms > 0 && ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms > 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        return ms % 1000 == 0 && ms > 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
