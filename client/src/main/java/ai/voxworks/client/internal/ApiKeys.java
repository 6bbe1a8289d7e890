package ai.voxworks.client.internal;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** API keys: what makes one acceptable, and how one is shown without giving it away. */
public final class ApiKeys {

    private ApiKeys() {
    }

    /**
     * {@code key} when it can be sent as {@code Authorization: Bearer <key>}.
     *
     * @throws IllegalArgumentException saying what is wrong, never repeating the key
     */
    public static String check(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be null or blank");
        }
        if (!key.equals(key.strip()) || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("apiKey must be printable ASCII without spaces");
        }
        return key;
    }

    /**
     * {@code (none)} for no key; {@code …} up to 12 characters; the first 8 and {@code …} up to 19;
     * from 20 on, the last 4 as well, so two keys of one team can be told apart
     * ({@code vx_test_…3a9c}).
     */
    public static String mask(String key) {
        if (key == null || key.isEmpty()) {
            return "(none)";
        }
        if (key.length() <= 12) {
            return "…";
        }
        String head = key.substring(0, 8) + "…";
        return key.length() < 20 ? head : head + key.substring(key.length() - 4);
    }

    /**
     * {@code text} with each of {@code keys} masked wherever it appears, in any letter case (a
     * server or a proxy may echo a key upper-cased). Keys shorter than 6 characters are left alone:
     * hunting them among many keys would garble ordinary words.
     */
    public static String redact(String text, Collection<String> keys) {
        String out = text;
        for (String key : keys) {
            if (key != null && key.length() >= 6) {
                out = redact(out, key);
            }
        }
        return out;
    }

    /**
     * {@code text} with {@code key}, the one a client or tool sends, masked wherever it appears, in
     * any letter case, however short it is: it is a secret whatever its length.
     */
    public static String redact(String text, String key) {
        if (text == null || !containsIgnoreCase(text, key)) {
            return text;
        }
        return Pattern.compile(Pattern.quote(key), Pattern.CASE_INSENSITIVE).matcher(text)
                .replaceAll(Matcher.quoteReplacement(mask(key)));
    }

    /** Whether {@code text} holds {@code key} in any letter case. */
    public static boolean containsIgnoreCase(String text, String key) {
        if (text == null || key == null || key.isEmpty()) {
            return false;
        }
        for (int i = 0; i + key.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, key, 0, key.length())) {
                return true;
            }
        }
        return false;
    }
}
