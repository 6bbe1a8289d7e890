package ai.voxworks.conformance;

import ai.voxworks.client.internal.ApiKeys;
import ai.voxworks.client.internal.Durations;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server under test and what the cases need from it, read from JUnit configuration
 * parameters (the command line passes them; under Maven they are system properties) with an
 * environment variable for each as fallback. Keys are masked as everywhere in the toolkit, by the
 * client's {@code ApiKeys}.
 *
 * @param baseUrl         where to send requests; {@code null} for the embedded mock until it is started
 * @param embedded        whether this is the in-process mock the suite starts itself
 * @param apiKey          the key the cases use
 * @param callId          a call of that key's team
 * @param foreignCallId   a call of another team, if given
 * @param otherApiKey     a key of the team that owns {@code foreignCallId}, if given
 * @param profile         which rules to check
 * @param rateLimitOptIn  whether the cases may use up the key's rate limit
 * @param rateLimitWindow the rate-limit window the server promises, if known (bounds {@code Retry-After})
 * @param maxWait         the longest the suite waits for a {@code Retry-After}
 * @param spec            a spec file to check against instead of the bundled {@code fixtures/openapi.yaml}
 */
record Target(String baseUrl, boolean embedded, String apiKey, String callId, Optional<String> foreignCallId,
              Optional<String> otherApiKey, Profile profile, boolean rateLimitOptIn,
              Optional<Duration> rateLimitWindow, Duration maxWait, Optional<Path> spec) {

    /** One input: its configuration parameter (and system property), its flag, and its environment variable. */
    enum Setting {
        BASE_URL("voxworks.baseUrl", "--base-url"),
        API_KEY("voxworks.apiKey", null),
        CALL_ID("voxworks.callId", "--call-id"),
        FOREIGN_CALL_ID("voxworks.foreignCallId", "--foreign-call-id"),
        OTHER_API_KEY("voxworks.otherApiKey", null),
        PROFILE("voxworks.conformance.profile", "--profile"),
        RATE_LIMIT("voxworks.conformance.rateLimit", "--rate-limit"),
        RATE_LIMIT_WINDOW("voxworks.conformance.rateLimitWindow", "--rate-limit-window"),
        MAX_WAIT("voxworks.conformance.maxWait", "--max-wait"),
        SPEC("voxworks.conformance.spec", "--spec");

        final String property;
        final String flag;

        Setting(String property, String flag) {
            this.property = property;
            this.flag = flag;
        }

        /** {@code voxworks.callId} → {@code VOXWORKS_CALL_ID}; {@code voxworks.conformance.maxWait} → {@code VOXWORKS_CONFORMANCE_MAX_WAIT}. */
        String env() {
            return property.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        }

        /** How a message names it: the flag and the variable, or the variable alone. */
        String named() {
            return flag == null ? env() : flag + " (" + env() + ")";
        }
    }

    /** The embedded mock's demo data: a key, one of its team's calls, another team's call and key. */
    static final String EMBEDDED_KEY = "vx_test_northwind_primary_7f3a9c";
    static final String EMBEDDED_CALL = "call_nw_1001";
    static final String EMBEDDED_FOREIGN_CALL = "call_bb_2001";
    static final String EMBEDDED_OTHER_KEY = "vx_test_bluebird_5d0c6a";
    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);
    /** How {@link #summary()}'s rate-limit line begins when the cases may use up the quota. */
    static final String EXERCISED = "exercised";

    /**
     * Reads every setting: a configuration parameter when present (blank meaning unset), else its
     * environment variable.
     *
     * @throws IllegalArgumentException when a value is malformed or a remote target lacks a key or a call
     */
    static Target read(Function<String, String> params, Function<String, String> env) {
        Function<Setting, Optional<String>> get = s -> setting(s, params, env);
        Optional<String> baseUrl = get.apply(Setting.BASE_URL).map(Target::baseUrl);
        Duration maxWait = get.apply(Setting.MAX_WAIT).map(v -> duration(Setting.MAX_WAIT, v)).orElse(DEFAULT_MAX_WAIT);
        Optional<Path> spec = get.apply(Setting.SPEC).map(Path::of);
        Optional<Profile> profile = get.apply(Setting.PROFILE).map(Profile::parse);
        if (baseUrl.isEmpty()) {
            for (Setting s : new Setting[] {Setting.CALL_ID, Setting.FOREIGN_CALL_ID}) {
                if (get.apply(s).isPresent()) {
                    throw new IllegalArgumentException(s.named() + " is set but " + Setting.BASE_URL.named()
                            + " is not: without a base URL the suite checks the embedded mock, with its own demo data");
                }
            }
            return new Target(null, true, EMBEDDED_KEY, EMBEDDED_CALL, Optional.of(EMBEDDED_FOREIGN_CALL),
                    Optional.of(EMBEDDED_OTHER_KEY), profile.orElse(Profile.STRICT), true,
                    Optional.of(TargetExtension.EMBEDDED_WINDOW), maxWait, spec);
        }
        String key = get.apply(Setting.API_KEY).orElseThrow(() -> new IllegalArgumentException(
                "no API key for " + baseUrl.get() + ": set " + Setting.API_KEY.env() + " (or give --api-key-file FILE)"));
        String call = get.apply(Setting.CALL_ID).orElseThrow(() -> new IllegalArgumentException(
                "no call to read: give " + Setting.CALL_ID.named() + ", the id of a call of that key's team"));
        Optional<String> foreign = get.apply(Setting.FOREIGN_CALL_ID);
        Optional<String> otherKey = get.apply(Setting.OTHER_API_KEY);
        if (otherKey.isPresent() && foreign.isEmpty()) {
            throw new IllegalArgumentException(Setting.OTHER_API_KEY.env() + " is set but " + Setting.FOREIGN_CALL_ID.named()
                    + " is not: give a call of the other key's team");
        }
        boolean rateLimit = get.apply(Setting.RATE_LIMIT).map(v -> bool(Setting.RATE_LIMIT, v)).orElse(false);
        Optional<Duration> window = get.apply(Setting.RATE_LIMIT_WINDOW).map(v -> duration(Setting.RATE_LIMIT_WINDOW, v));
        return new Target(baseUrl.get(), false, key, call, foreign, otherKey, profile.orElse(Profile.CONTRACT), rateLimit,
                window, maxWait, spec);
    }

    /** The embedded target once its mock listens at {@code url}. */
    Target at(String url) {
        return new Target(url, embedded, apiKey, callId, foreignCallId, otherApiKey, profile, rateLimitOptIn,
                rateLimitWindow, maxWait, spec);
    }

    private static Optional<String> setting(Setting s, Function<String, String> params, Function<String, String> env) {
        String value = params.apply(s.property);
        if (value == null) {
            value = env.apply(s.env());
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String baseUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (Exception e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException(Setting.BASE_URL.named() + ": '" + value
                    + "' is not an http(s) URL such as https://api.voxworks.ai");
        }
        return value.replaceAll("/+$", "");
    }

    /** A duration in the toolkit's one grammar ({@code 10s}, {@code 500ms}, {@code 2m}); a bare number is refused. */
    static Duration duration(Setting s, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(s.named() + ": " + e.getMessage(), e);
        }
    }

    private static boolean bool(Setting s, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(s.named() + ": '" + value + "' is not true or false");
        };
    }

    /** {@code 10 s}, {@code 0.5 s}: how output states a duration. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return (ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0)) + " s";
    }

    /** The Authorization the cases send with the key. */
    Credentials credentials() {
        return Credentials.bearer(apiKey);
    }

    /** What a header or report may print about this run: no key unmasked. */
    Map<String, String> summary() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("target", (baseUrl == null ? "the embedded mock" : baseUrl)
                + (embedded ? " (the embedded mock with its demo data, started in-process)" : ""));
        lines.put("key", mask(apiKey));
        lines.put("profile", profile.describe());
        lines.put("inputs", "call " + callId
                + "; another team's call " + foreignCallId.orElse("not given (--foreign-call-id)")
                + "; that team's key " + otherApiKey.map(Target::mask).orElse("not given (VOXWORKS_OTHER_API_KEY)"));
        lines.put("rate limit", rateLimitOptIn
                ? EXERCISED + ": the cases use up the key's quota" + rateLimitWindow.map(w -> "; window " + seconds(w))
                        .orElse("; window not given (--rate-limit-window)")
                : "not exercised (--rate-limit uses up the key's quota)");
        lines.put("waits", "up to " + seconds(maxWait) + " for a Retry-After (--max-wait)");
        return lines;
    }

    /** {@code key} as output shows it: masked as everywhere in the toolkit. */
    static String mask(String key) {
        return ApiKeys.mask(key);
    }

    /** {@code text} with this target's keys masked (in any letter case), wherever a server echoed them. */
    String redact(String text) {
        return ApiKeys.redact(text, otherApiKey.isPresent() ? List.of(apiKey, otherApiKey.get()) : List.of(apiKey));
    }

    @Override
    public String toString() {
        return "Target[" + (baseUrl == null ? "embedded" : baseUrl) + ", key " + mask(apiKey) + ", " + profile + "]";
    }
}
