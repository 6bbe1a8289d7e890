package ai.voxworks.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Call ids no server should know, drawn from a seed: the same seed gives the same ids on every
 * machine and Java version ({@link Random}'s algorithm is specified). They take turns among the
 * kinds that trip servers up: long ones, control characters, NUL, slashes (plain, encoded and
 * backslashes), Unicode (astral, right-to-left, combining, zero-width), characters URLs reserve, and
 * dots. Each is sent as one percent-encoded path segment.
 */
final class GeneratedIds {

    /** One id and the kind it was drawn as. */
    record Id(int number, String kind, String value) {
        /** How a report names it: its number, kind and Java-escaped value (cut short). */
        String shown() {
            String escaped = escape(value);
            return "#" + number + " (" + kind + ", " + value.length() + " chars) \"" + (escaped.length() > 80
                    ? escaped.substring(0, 80) + "…" : escaped) + "\"";
        }
    }

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
    private static final String[] UNICODE = {"ü", "é", "ß", "通话", "呼叫", "📞", "🎙️", "\u202E", "\u200D", "\uFEFF", "e\u0301",
        "Ω", "𝒞", "ﬁ", "ｃａｌｌ", "\u00A0", "\u2028"};
    private static final String[] SLASHES = {"/", "%2F", "%2f", "\\", "../", "/..", "%252F", "//"};
    private static final String[] RESERVED = {"?", "#", "%", "&", "=", "+", ";", " ", "'", "\"", "<", ">", "{", "}", "|",
        "^", "`", "[", "]", "@", ":", "$", ",", "*", "!", "(", ")"};
    /** Not "." or "..": no URL carries them as a segment, even percent-encoded (WHATWG URL reads %2E%2E as ".."). */
    private static final String[] DOTS = {"...", ".hidden", "a..b", "call.", "./call", "%2E%2E", "v1..2"};
    static final List<String> KINDS = List.of("long", "control characters", "NUL", "slashes", "Unicode", "reserved characters",
            "dots");

    private GeneratedIds() {
    }

    /** {@code count} ids from {@code seed}, none of them in {@code known}. */
    static List<Id> generate(long seed, int count, Set<String> known) {
        Random random = new Random(seed);
        List<Id> ids = new ArrayList<>(count);
        while (ids.size() < count) {
            String kind = KINDS.get(ids.size() % KINDS.size());
            String value = draw(kind, random);
            if (!value.isEmpty() && !known.contains(value)) {
                ids.add(new Id(ids.size() + 1, kind, value));
            }
        }
        return ids;
    }

    private static String draw(String kind, Random random) {
        String base = word(random, 1 + random.nextInt(8));
        return switch (kind) {
            case "long" -> word(random, 256 + random.nextInt(1793));
            case "control characters" -> insert(random, base, String.valueOf((char) (random.nextBoolean()
                    ? 1 + random.nextInt(31) : 0x7F)));
            case "NUL" -> insert(random, base, "\u0000");
            case "slashes" -> insert(random, base, pick(random, SLASHES));
            case "Unicode" -> insert(random, insert(random, base, pick(random, UNICODE)), pick(random, UNICODE));
            case "reserved characters" -> insert(random, insert(random, base, pick(random, RESERVED)), pick(random, RESERVED));
            case "dots" -> random.nextInt(3) == 0 ? pick(random, DOTS) : insert(random, base, pick(random, DOTS));
            default -> throw new IllegalStateException(kind);
        };
    }

    private static String word(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return out.toString();
    }

    private static String insert(Random random, String text, String piece) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + piece + text.substring(at);
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Java-escaped: control characters, and everything beyond ASCII, as a backslash-u and four hex digits. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7F) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
