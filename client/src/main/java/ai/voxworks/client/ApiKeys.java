package ai.voxworks.client;

/** Shows an API key without giving it away. */
final class ApiKeys {

    private ApiKeys() {
    }

    /** The first 8 characters and an ellipsis; short keys are fully hidden. */
    static String mask(String key) {
        if (key == null || key.isEmpty()) {
            return "(none)";
        }
        return key.length() <= 12 ? "…" : key.substring(0, 8) + "…";
    }
}
