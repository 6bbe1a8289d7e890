package ai.voxworks.mock.http;

/** Shows an API key without giving it away. */
public final class Secrets {

    private Secrets() {
    }

    /** The first 8 characters and an ellipsis ({@code vx_test_…}); short keys are fully hidden. */
    public static String mask(String key) {
        if (key == null || key.isEmpty()) {
            return "(none)";
        }
        return key.length() <= 12 ? "…" : key.substring(0, 8) + "…";
    }
}
