package ai.voxworks.conformance;

import java.util.Optional;
import java.util.function.Function;

/**
 * The server under test and the inputs the suite needs from it. Each setting is a system property
 * (or JUnit configuration parameter) with an environment variable as fallback.
 *
 * @param baseUrl       {@code voxworks.baseUrl} / {@code VOXWORKS_BASE_URL}
 * @param apiKey        {@code voxworks.apiKey} / {@code VOXWORKS_API_KEY}
 * @param callId        {@code voxworks.callId} / {@code VOXWORKS_CALL_ID}: a call of the key's team
 * @param foreignCallId {@code voxworks.foreignCallId} / {@code VOXWORKS_FOREIGN_CALL_ID}: another team's call
 * @param rateLimitOptIn {@code voxworks.conformance.rateLimit} / {@code VOXWORKS_CONFORMANCE_RATE_LIMIT}
 * @param embedded      whether this is the in-process mock the suite started itself
 */
record Target(String baseUrl, String apiKey, String callId, Optional<String> foreignCallId,
              boolean rateLimitOptIn, boolean embedded) {

    static final String BASE_URL = "voxworks.baseUrl";
    static final String API_KEY = "voxworks.apiKey";
    static final String CALL_ID = "voxworks.callId";
    static final String FOREIGN_CALL_ID = "voxworks.foreignCallId";
    static final String RATE_LIMIT = "voxworks.conformance.rateLimit";

    /** The environment variable for a setting: {@code voxworks.callId} → {@code VOXWORKS_CALL_ID}. */
    static String envName(String property) {
        String last = property.substring(property.lastIndexOf('.') + 1);
        String prefix = property.startsWith("voxworks.conformance.") ? "VOXWORKS_CONFORMANCE_" : "VOXWORKS_";
        return prefix + last.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
    }

    /** Reads a setting: the parameter first, then its environment variable; blank counts as unset. */
    static Optional<String> setting(String property, Function<String, String> params, Function<String, String> env) {
        String value = params.apply(property);
        if (value == null || value.isBlank()) {
            value = env.apply(envName(property));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** What a summary may print: the key masked. */
    String describe() {
        return baseUrl + (embedded ? " (embedded mock)" : "") + ", key " + mask(apiKey);
    }

    /**
     * The one place the suite masks a key: {@code (none)} for no key; {@code …} up to 12
     * characters; the first 8 and {@code …} up to 19; from 20 on, the last 4 as well
     * ({@code vx_test_…3a9c}). The client's {@code ApiKeys.mask} follows the same rule.
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

    @Override
    public String toString() {
        return "Target[" + describe() + "]";
    }
}
