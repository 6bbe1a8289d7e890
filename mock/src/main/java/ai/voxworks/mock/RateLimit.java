package ai.voxworks.mock;

import ai.voxworks.client.internal.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How many get-call requests one API key (or team) may make: one window or several, each
 * request counting against every one of them; or {@link #off()}.
 *
 * <p>Written as {@code REQUESTS/WINDOW}, for example {@code 60/60s}, {@code 100/1m} or
 * {@code 5/500ms}; several comma-separated, such as {@code 10/1s,60/60s,1000/1d} (a burst window
 * and sustained ones); a window may be named, {@code burst=10/1s}, for the IETF
 * {@code RateLimit-Policy} field (its name is otherwise the window as written, {@code "1s"});
 * {@code off} disables the limiter.
 *
 * @param windows the windows, in the order written; empty when the limiter is off
 */
public record RateLimit(List<Window> windows) {

    /**
     * One window: at most {@code requests} per {@code length}, the count starting again whole at
     * the end of each window (the first window of a key starts with its first request).
     *
     * @param name     how the IETF fields name it (an sf-string: printable ASCII)
     * @param requests requests allowed per window, at least 1
     * @param length   the window, positive
     */
    public record Window(String name, long requests, Duration length) {

        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");

        public Window {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(length, "length");
            if (requests < 1) {
                throw new IllegalArgumentException("a window must allow at least 1 request");
            }
            if (length.isNegative() || length.isZero() || length.compareTo(MAX_WINDOW) > 0) {
                throw new IllegalArgumentException("a window must be longer than 0 and at most " + Durations.format(MAX_WINDOW));
            }
            if (requests > length.toNanos()) {
                // Bucket4j counts in nanoseconds: more than one request per nanosecond cannot be refilled.
                throw new IllegalArgumentException("a window of " + Durations.format(length) + " allows at most "
                        + length.toNanos() + " requests (one per nanosecond)");
            }
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' cannot name a window; use letters, digits, '.', '-' or '_'");
            }
        }

        /** The length in whole seconds, rounded up, at least 1 (what {@code Retry-After} and {@code w} can say). */
        public long seconds() {
            return Math.max(1, length.getSeconds() + (length.getNano() > 0 ? 1 : 0));
        }

        @Override
        public String toString() {
            String written = requests + "/" + Durations.format(length);
            return name.equals(Durations.format(length)) ? written : name + "=" + written;
        }
    }

    /** How the limiter counts: one set of windows per API key (the default) or per team, shared by its keys. */
    public enum Scope {
        KEY, TEAM;

        /** {@code key} or {@code team}, as the command line writes it. */
        public static Scope parse(String text) {
            return RateLimit.parseEnum(Scope.class, text, "key or team");
        }
    }

    /**
     * Which response fields describe the limit: {@code X-RateLimit-*} (the default, what the spec
     * documents), the IETF {@code RateLimit} and {@code RateLimit-Policy} fields of
     * draft-ietf-httpapi-ratelimit-headers-11, or both.
     */
    public enum HeaderStyle {
        X, IETF, BOTH;

        /** {@code x}, {@code ietf} or {@code both}. */
        public static HeaderStyle parse(String text) {
            return RateLimit.parseEnum(HeaderStyle.class, text, "x, ietf or both");
        }

        public boolean x() {
            return this != IETF;
        }

        public boolean ietf() {
            return this != X;
        }
    }

    /** The longest window a limit may have. */
    public static final Duration MAX_WINDOW = Duration.ofDays(30);

    /** The default: 60 requests per 60 seconds. */
    public static final RateLimit DEFAULT = of(60, Duration.ofSeconds(60));

    private static final RateLimit OFF = new RateLimit(List.of());

    public RateLimit {
        windows = List.copyOf(windows);
        Set<String> names = new HashSet<>();
        for (Window window : windows) {
            if (!names.add(window.name())) {
                throw new IllegalArgumentException("two rate-limit windows are named '" + window.name()
                        + "'; name them apart, such as burst=10/1s,sustained=600/10m");
            }
        }
    }

    /** No limit: requests are never refused and no rate-limit headers are sent. */
    public static RateLimit off() {
        return OFF;
    }

    /** {@code requests} per {@code window}. */
    public static RateLimit of(long requests, Duration window) {
        return new RateLimit(List.of(new Window(Durations.format(window), requests, window)));
    }

    /**
     * Parses {@code off} or comma-separated {@code [NAME=]REQUESTS/WINDOW} ({@code 60/60s},
     * {@code 10/1s,60/60s,1000/1d}, {@code burst=10/1s,sustained=60/60s}).
     *
     * @throws IllegalArgumentException with a message that says what is wrong
     */
    public static RateLimit parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.equalsIgnoreCase("off")) {
            return OFF;
        }
        List<Window> windows = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            windows.add(window(part.trim(), text));
        }
        return new RateLimit(windows);
    }

    private static Window window(String part, String text) {
        int eq = part.indexOf('=');
        String name = eq < 0 ? null : part.substring(0, eq).trim();
        String spec = eq < 0 ? part : part.substring(eq + 1).trim();
        int slash = spec.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a rate limit; expected REQUESTS/WINDOW such as 60/60s, "
                    + "several such as 10/1s,60/60s, or 'off'");
        }
        long requests;
        try {
            requests = Long.parseLong(spec.substring(0, slash).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a rate limit; the part before '/' must be a whole number of requests");
        }
        String written = spec.substring(slash + 1).trim().toLowerCase(Locale.ROOT);
        Duration length;
        try {
            length = Durations.parse(written);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a rate limit; its window " + e.getMessage(), e);
        }
        try {
            return new Window(name == null ? Durations.format(length) : name, requests, length);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a rate limit; " + e.getMessage(), e);
        }
    }

    /** Whether requests are limited at all. */
    public boolean enabled() {
        return !windows.isEmpty();
    }

    /** The shortest window: the one a forced 429 reports as used up. */
    public Window shortest() {
        return windows.stream().min((a, b) -> a.length().compareTo(b.length())).orElseThrow();
    }

    @Override
    public String toString() {
        return enabled() ? String.join(",", windows.stream().map(Window::toString).toList()) : "off";
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String expected) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + expected);
    }
}
