package ai.voxworks.client;

/** Shows an API key without giving it away: the one place the client masks keys. */
final class ApiKeys {

    private ApiKeys() {
    }

    /**
     * {@code (none)} for no key; {@code …} up to 12 characters; the first 8 and {@code …} up to 19;
     * from 20 on, the last 4 as well, so two keys of one team can be told apart
     * ({@code vx_test_…3a9c}).
     */
    static String mask(String key) {
        if (key == null || key.isEmpty()) {
            return "(none)";
        }
        if (key.length() <= 12) {
            return "…";
        }
        String head = key.substring(0, 8) + "…";
        return key.length() < 20 ? head : head + key.substring(key.length() - 4);
    }
}
