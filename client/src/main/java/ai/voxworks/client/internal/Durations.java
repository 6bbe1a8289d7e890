package ai.voxworks.client.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of every flag, environment variable, annotation attribute and helper of
 * the toolkit: a whole number and a unit, {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1h},
 * {@code 1d}. A bare number has no agreed unit (a latency reads milliseconds, a wait seconds), so it
 * is refused, but for {@code 0}.
 */
public final class Durations {

    /** What a message names as the accepted forms. */
    public static final String FORMS = "a whole number with a unit: ms, s, m, h or d, such as 250ms, 2s or 1m";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)?");

    private Durations() {
    }

    /**
     * {@code text} as a duration.
     *
     * @throws IllegalArgumentException in one line naming the text and the accepted forms
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write " + FORMS);
        }
        long amount = Long.parseLong(m.group(1));
        if (m.group(2) == null) {
            if (amount == 0) {
                return Duration.ZERO;
            }
            throw new IllegalArgumentException("'" + text + "' has no unit; write " + amount + "ms or " + amount
                    + "s (" + FORMS + ")");
        }
        // At most 12 digits: even in days, far inside what Duration holds.
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalStateException(m.group(2));
        };
    }

    /**
     * {@code text} as a duration from {@code min} to {@code max}, both included.
     *
     * @param what names the setting in the message, such as {@code --latency}
     * @throws IllegalArgumentException in one line naming the setting, the text and the range
     */
    public static Duration parse(String text, String what, Duration min, Duration max) {
        Duration d;
        try {
            d = parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        return check(d, what, min, max);
    }

    /**
     * {@code d} when it is from {@code min} to {@code max}.
     *
     * @throws IllegalArgumentException naming the setting and the range
     */
    public static Duration check(Duration d, String what, Duration min, Duration max) {
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " must be from " + format(min) + " to " + format(max) + ", not "
                    + format(d));
        }
        return d;
    }

    /** In the grammar: whole days as {@code 1d}, whole hours as {@code 2h}, whole seconds as {@code 60s}, the rest as {@code 1500ms}. */
    public static String format(Duration d) {
        // In seconds first: a duration of twelve digits of days is more milliseconds than a long holds.
        long seconds = d.getSeconds();
        int ms = d.toMillisPart();
        if (ms != 0 || seconds == 0) {
            return seconds * 1000 + ms + "ms";
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        return seconds + "s";
    }
}
