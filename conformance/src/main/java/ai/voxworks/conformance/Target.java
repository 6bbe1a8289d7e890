package ai.voxworks.conformance;

import ai.voxworks.client.internal.ApiKeys;
import ai.voxworks.client.internal.BaseUrls;
import ai.voxworks.client.internal.Durations;
import ai.voxworks.mock.CallSummary;
import ai.voxworks.mock.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 * @param timeout         the longest one request may take, answer included
 * @param deadline        the longest the whole run may take
 * @param fuzz            how many generated ids the strict profile sends
 * @param seed            what the generated ids are drawn from: the same seed, the same ids
 * @param maxResponseTime the budget of each response, if given (strict)
 */
record Target(String baseUrl, boolean embedded, String apiKey, String callId, Optional<String> foreignCallId,
              Optional<String> otherApiKey, Profile profile, boolean rateLimitOptIn,
              Optional<Duration> rateLimitWindow, Duration maxWait, Optional<Path> spec, Duration timeout,
              Duration deadline, int fuzz, long seed, Optional<Duration> maxResponseTime) {

    /** One input: its configuration parameter (and system property), its flag, and its environment variable. */
    enum Setting {
        BASE_URL("voxworks.baseUrl", "--base-url"),
        API_KEY("voxworks.apiKey", null),
        API_KEY_FILE("voxworks.apiKeyFile", "--api-key-file"),
        CALL_ID("voxworks.callId", "--call-id"),
        FOREIGN_CALL_ID("voxworks.foreignCallId", "--foreign-call-id"),
        OTHER_API_KEY("voxworks.otherApiKey", null),
        OTHER_API_KEY_FILE("voxworks.otherApiKeyFile", "--other-api-key-file"),
        PROFILE("voxworks.conformance.profile", "--profile"),
        RATE_LIMIT("voxworks.conformance.rateLimit", "--rate-limit"),
        RATE_LIMIT_WINDOW("voxworks.conformance.rateLimitWindow", "--rate-limit-window"),
        MAX_WAIT("voxworks.conformance.maxWait", "--max-wait"),
        SPEC("voxworks.conformance.spec", "--spec"),
        TIMEOUT("voxworks.conformance.timeout", "--timeout"),
        DEADLINE("voxworks.conformance.deadline", "--deadline"),
        FUZZ("voxworks.conformance.fuzz", "--fuzz"),
        SEED("voxworks.conformance.seed", "--seed"),
        MAX_RESPONSE_TIME("voxworks.conformance.maxResponseTime", "--max-response-time");

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

    /**
     * The embedded mock's demo data: the toolkit's one demo identity (the first key of the first team
     * in teams.json) with its first call, and another team's first call and key.
     */
    record Embedded(String key, String call, String foreignCall, String otherKey) {
        static Embedded of(Fixtures data) {
            String key = data.demoKey();
            String team = data.teamOfKey(key).orElseThrow().id();
            CallSummary foreign = data.calls().stream().filter(c -> !c.teamId().equals(team)).findFirst().orElseThrow();
            String otherKey = data.teams().stream().filter(t -> t.id().equals(foreign.teamId())).findFirst().orElseThrow()
                    .apiKeys().get(0);
            return new Embedded(key, data.demoCall().orElseThrow().id(), foreign.id(), otherKey);
        }
    }

    static final Embedded EMBEDDED = Embedded.of(Fixtures.bundled());
    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);
    static final int DEFAULT_FUZZ = 20;
    static final int MAX_FUZZ = 10_000;
    /** How {@link #summary()}'s rate-limit line begins when the cases may use up the quota. */
    static final String EXERCISED = "exercised";
    /** The {@link #summary()} line of the generated ids; it begins with their number. */
    static final String GENERATED_IDS = "fuzzing";

    /**
     * Reads every setting: a configuration parameter when present (blank meaning unset), else its
     * environment variable. Without a seed, one is drawn: the summary prints it, to repeat the run.
     *
     * @throws IllegalArgumentException in one line naming the setting, when a value is malformed or
     *                                  a remote target lacks a key or a call
     */
    static Target read(Function<String, String> params, Function<String, String> env) {
        Function<Setting, Optional<String>> given = s -> setting(s, params, env);
        // A key file, when given, wins over the key's variable: it is how a key stays off command lines.
        Map<Setting, Optional<String>> keys = Map.of(
                Setting.API_KEY, given.apply(Setting.API_KEY_FILE).map(f -> keyFile(Setting.API_KEY_FILE, f))
                        .or(() -> given.apply(Setting.API_KEY)),
                Setting.OTHER_API_KEY, given.apply(Setting.OTHER_API_KEY_FILE).map(f -> keyFile(Setting.OTHER_API_KEY_FILE, f))
                        .or(() -> given.apply(Setting.OTHER_API_KEY)));
        Function<Setting, Optional<String>> get = s -> keys.containsKey(s) ? keys.get(s) : given.apply(s);
        Optional<String> baseUrl = get.apply(Setting.BASE_URL).map(Target::baseUrl);
        Duration maxWait = get.apply(Setting.MAX_WAIT).map(v -> duration(Setting.MAX_WAIT, v, Duration.ZERO, Duration.ofHours(1)))
                .orElse(DEFAULT_MAX_WAIT);
        Optional<Path> spec = get.apply(Setting.SPEC).map(Path::of);
        Optional<Profile> profile = get.apply(Setting.PROFILE).map(Profile::parse);
        Duration timeout = get.apply(Setting.TIMEOUT)
                .map(v -> duration(Setting.TIMEOUT, v, Duration.ofMillis(100), Duration.ofMinutes(10))).orElse(DEFAULT_TIMEOUT);
        Duration deadline = get.apply(Setting.DEADLINE)
                .map(v -> duration(Setting.DEADLINE, v, Duration.ofSeconds(1), Duration.ofDays(1))).orElse(DEFAULT_DEADLINE);
        int fuzz = get.apply(Setting.FUZZ).map(v -> (int) whole(Setting.FUZZ, v, 0, MAX_FUZZ)).orElse(DEFAULT_FUZZ);
        long seed = get.apply(Setting.SEED).map(v -> whole(Setting.SEED, v, Long.MIN_VALUE, Long.MAX_VALUE))
                .orElseGet(() -> (long) new SecureRandom().nextInt(1_000_000));
        Optional<Duration> maxResponseTime = get.apply(Setting.MAX_RESPONSE_TIME)
                .map(v -> duration(Setting.MAX_RESPONSE_TIME, v, Duration.ofMillis(1), Duration.ofMinutes(10)));
        if (baseUrl.isEmpty()) {
            for (Setting s : new Setting[] {Setting.CALL_ID, Setting.FOREIGN_CALL_ID}) {
                if (get.apply(s).isPresent()) {
                    throw new IllegalArgumentException(s.named() + " is set but " + Setting.BASE_URL.named()
                            + " is not: without a base URL the suite checks the embedded mock, with its own demo data");
                }
            }
            return checked(new Target(null, true, EMBEDDED.key(), EMBEDDED.call(), Optional.of(EMBEDDED.foreignCall()),
                    Optional.of(EMBEDDED.otherKey()), profile.orElse(Profile.STRICT), true,
                    Optional.of(TargetExtension.EMBEDDED_WINDOW), maxWait, spec, timeout, deadline, fuzz, seed,
                    maxResponseTime));
        }
        String key = key(Setting.API_KEY, get.apply(Setting.API_KEY).orElseThrow(() -> new IllegalArgumentException(
                "no API key for " + baseUrl.get() + ": set " + Setting.API_KEY.env() + " (or give " + Setting.API_KEY_FILE.flag
                        + " FILE, " + Setting.API_KEY_FILE.property + " under Maven)")));
        String call = id(Setting.CALL_ID, get.apply(Setting.CALL_ID).orElseThrow(() -> new IllegalArgumentException(
                "no call to read: give " + Setting.CALL_ID.named() + ", the id of a call of that key's team")));
        Optional<String> foreign = get.apply(Setting.FOREIGN_CALL_ID).map(v -> id(Setting.FOREIGN_CALL_ID, v));
        if (foreign.isPresent() && foreign.get().equals(call)) {
            throw new IllegalArgumentException(Setting.FOREIGN_CALL_ID.named() + ": '" + call + "' is the same as "
                    + Setting.CALL_ID.flag + ": give a call of another team");
        }
        Optional<String> otherKey = get.apply(Setting.OTHER_API_KEY).map(v -> key(Setting.OTHER_API_KEY, v));
        if (otherKey.isPresent() && foreign.isEmpty()) {
            throw new IllegalArgumentException(Setting.OTHER_API_KEY.env() + " is set but " + Setting.FOREIGN_CALL_ID.named()
                    + " is not: give a call of the other key's team");
        }
        if (otherKey.isPresent() && otherKey.get().equals(key)) {
            throw new IllegalArgumentException(Setting.OTHER_API_KEY.env() + " is the same key as " + Setting.API_KEY.env()
                    + ": give a key of the team that owns " + Setting.FOREIGN_CALL_ID.flag);
        }
        boolean rateLimit = get.apply(Setting.RATE_LIMIT).map(v -> bool(Setting.RATE_LIMIT, v)).orElse(false);
        Optional<Duration> window = get.apply(Setting.RATE_LIMIT_WINDOW)
                .map(v -> duration(Setting.RATE_LIMIT_WINDOW, v, Duration.ofSeconds(1), Duration.ofDays(1)));
        return checked(new Target(baseUrl.get(), false, key, call, foreign, otherKey, profile.orElse(Profile.CONTRACT),
                rateLimit, window, maxWait, spec, timeout, deadline, fuzz, seed, maxResponseTime));
    }

    /** What no single setting shows wrong. */
    private static Target checked(Target target) {
        if (target.maxResponseTime.isPresent() && target.profile != Profile.STRICT) {
            throw new IllegalArgumentException(Setting.MAX_RESPONSE_TIME.named() + " is checked in the strict profile only: "
                    + "add " + Setting.PROFILE.flag + " strict, or leave it out");
        }
        return target;
    }

    /** The embedded target once its mock listens at {@code url}. */
    Target at(String url) {
        return new Target(url, embedded, apiKey, callId, foreignCallId, otherApiKey, profile, rateLimitOptIn,
                rateLimitWindow, maxWait, spec, timeout, deadline, fuzz, seed, maxResponseTime);
    }

    /** This target checked in another profile. */
    Target in(Profile other) {
        return new Target(baseUrl, embedded, apiKey, callId, foreignCallId, otherApiKey, other, rateLimitOptIn,
                rateLimitWindow, maxWait, spec, timeout, deadline, fuzz, seed, maxResponseTime);
    }

    private static Optional<String> setting(Setting s, Function<String, String> params, Function<String, String> env) {
        String value = params.apply(s.property);
        if (value == null) {
            value = env.apply(s.env());
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The URL with no trailing slash (the toolkit's one base URL rule), or what is wrong with it. */
    private static String baseUrl(String value) {
        try {
            return BaseUrls.check(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Setting.BASE_URL.named() + ": " + e.getMessage());
        }
    }

    /** A duration in the toolkit's one grammar ({@code 10s}, {@code 500ms}, {@code 2m}), from {@code min} to {@code max}. */
    static Duration duration(Setting s, String value, Duration min, Duration max) {
        return Durations.parse(value, s.named(), min, max);
    }

    private static long whole(Setting s, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.named() + ": '" + value + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(s.named() + " must be from " + min + " to " + max + ", not " + n);
        }
        return n;
    }

    /** The key a file holds: alone, on one line; the message never repeats the file's content. */
    private static String keyFile(Setting s, String path) {
        Path file = Path.of(path);
        String what = s.named() + ": ";
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(what + file + " is a directory; give the file that holds the key");
        }
        String key;
        try {
            key = Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(what + "cannot read " + file + ": " + Main.reason(e));
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException(what + file + " is empty: it should hold the API key");
        }
        if (key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException(what + file + " should hold the key alone, on one line: it holds spaces, "
                    + "line breaks or other characters a key does not have");
        }
        return key;
    }

    private static String key(Setting s, String value) {
        try {
            return ApiKeys.check(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(s.named() + ": the key must be printable ASCII without spaces");
        }
    }

    /** A call id: anything a path segment can carry once encoded, but not a control character (a pasted line break, say). */
    private static String id(Setting s, String value) {
        int bad = value.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
        if (bad >= 0) {
            throw new IllegalArgumentException(s.named() + ": the id holds the control character U+"
                    + String.format("%04X", bad) + "; give the call id alone");
        }
        return value;
    }

    private static boolean bool(Setting s, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(s.named() + ": '" + value + "' is not true or false");
        };
    }

    /** {@code 10 s}, {@code 0.5 s}, {@code 10 m}: how output states a duration. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms >= 120_000 && ms % 60_000 == 0) {
            return ms / 60_000 + " m";
        }
        return (ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0)) + " s";
    }

    /** The Authorization the cases send with the key. */
    Credentials credentials() {
        return Credentials.bearer(apiKey, Setting.API_KEY.env());
    }

    /** The Authorization with the other team's key, when given. */
    Optional<Credentials> otherCredentials() {
        return otherApiKey.map(k -> Credentials.bearer(k, Setting.OTHER_API_KEY.env()));
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
        lines.put("waits", "up to " + seconds(maxWait) + " for a Retry-After (--max-wait), plus the 1 s whole seconds may"
                + " round away");
        lines.put("time", "each request " + seconds(timeout) + " at most (--timeout), the run " + seconds(deadline)
                + " (--deadline)");
        if (profile == Profile.STRICT) {
            lines.put(GENERATED_IDS, fuzz + " generated ids" + (fuzz == 0 ? " (--fuzz 0: those cases are skipped)"
                    : " (--fuzz), seed " + seed + ": --seed " + seed + " sends the same ones again"));
            lines.put("budget", maxResponseTime.map(t -> "each response within " + Durations.format(t)
                    + " (--max-response-time)").orElse("response times not checked (--max-response-time)"));
        }
        return lines;
    }

    /** {@code key} as output shows it: masked as everywhere in the toolkit. */
    static String mask(String key) {
        return ApiKeys.mask(key);
    }

    /** {@code text} with this target's keys masked (in any letter case), wherever a server echoed them. */
    String redact(String text) {
        return ApiKeys.redact(otherApiKey.map(other -> ApiKeys.redact(text, other)).orElse(text), apiKey);
    }

    @Override
    public String toString() {
        return "Target[" + (baseUrl == null ? "embedded" : baseUrl) + ", key " + mask(apiKey) + ", " + profile + "]";
    }
}
