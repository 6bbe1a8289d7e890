package ai.voxworks.mock.internal;

import java.util.Collection;

/** Shows an API key without giving it away: the one place the mock masks keys. */
public final class Secrets {

    private Secrets() {
    }

    /**
     * Enough to tell keys apart, not to use one: the first 8 characters and the last 4 of a long
     * key ({@code vx_test_…3a9c}), only the first 8 of a shorter one, nothing of a short one.
     */
    public static String mask(String key) {
        if (key == null || key.isEmpty()) {
            return "(none)";
        }
        if (key.length() <= 12) {
            return "…";
        }
        return key.length() < 20 ? key.substring(0, 8) + "…" : key.substring(0, 8) + "…" + key.substring(key.length() - 4);
    }

    /** {@code text} with every one of {@code keys} in it masked. */
    public static String redact(String text, Collection<String> keys) {
        String out = text;
        for (String key : keys) {
            if (!key.isEmpty() && out.contains(key)) {
                out = out.replace(key, mask(key));
            }
        }
        return out;
    }
}
