package ai.voxworks.mock;

import ai.voxworks.client.internal.ApiKeys;
import ai.voxworks.client.internal.BaseUrls;
import ai.voxworks.client.internal.Durations;
import ai.voxworks.client.Sleeper;
import ai.voxworks.mock.internal.record.Recording;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Records real calls into a fixtures directory the mock serves as it is: realistic data, with no
 * secret copied.
 *
 * <pre>{@code
 * RecordingSummary summary = Recorder.builder()
 *     .apiKey(System.getenv("VOXWORKS_API_KEY"))         // never printed, never written
 *     .redact("/transcript", "/contact_id")               // placeholders the spec accepts
 *     .build()
 *     .record("call_123", "call_456");                    // into ./voxworks-fixtures
 * System.out.println(summary.report());
 * MockServer.start(MockServerConfig.builder().fixturesDir(summary.outputDir()).build());
 * }</pre>
 *
 * <p>For each id it asks {@code GET /api/v1/get-call/{id}}, checks the call against the spec's
 * {@code Call} schema exactly as a fixture file is checked when the mock loads it, and writes
 * {@code calls/<id>.json}; the call's team goes into {@code teams.json} with a new demo key
 * ({@code vx_test_...}) unless it is there already. Recording an id again replaces its file. Each
 * file is replaced atomically, so a run stopped half-way leaves no half-written file.
 *
 * <p>What is not copied: the key (masked where shown; a call holding it is not saved), the query,
 * fragment and user info of every URL in a call (a signed recording URL is a credential; see
 * {@link Builder#keepUrlQueries}), and the fields named with {@link Builder#redact}.
 *
 * <p>It asks through a {@link ai.voxworks.client.VoxworksClient} that follows no redirect (the key goes
 * to that server only), reads at most 32 MiB a response and ends each attempt within its timeout.
 * Upstream trouble: 401 stops the run; 404 skips the id; 429 waits {@code Retry-After} (up to
 * five minutes) and goes on; 5xx and transport failures are retried with backoff, then the id is
 * skipped; a body that does not match the spec is not written. Every outcome is in the
 * {@link RecordingSummary}; progress lines go to {@link Builder#progress}.
 *
 * <p>With {@link Builder#follow}, each call is asked for until it ends, and the stages seen are written as its
 * {@code timeline}: the mock then serves it moving, as production did.
 *
 * <p>Immutable; {@link #record} may be called more than once, but not concurrently on one directory.
 */
public final class Recorder {

    /** The server recorded from unless {@link Builder#from} says otherwise: production. */
    public static final String DEFAULT_FROM = "https://api.voxworks.ai";
    /** The directory written unless {@link Builder#outputDir} says otherwise, relative to the working directory. */
    public static final String DEFAULT_OUTPUT_DIR = "voxworks-fixtures";
    /** How long {@link Builder#follow following} goes on unless {@link Builder#followTimeout} says otherwise. */
    public static final Duration DEFAULT_FOLLOW_TIMEOUT = Duration.ofMinutes(30);
    /** The longest {@link Builder#followTimeout}: the longest timeline the mock loads. */
    public static final Duration MAX_FOLLOW_TIMEOUT = Duration.ofDays(1);

    private final Recording.Settings settings;

    private Recorder(Recording.Settings settings) {
        this.settings = settings;
    }

    /** A builder; {@link Builder#apiKey} is the one required setting. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records these calls.
     *
     * @throws IllegalArgumentException when no id is given or an id cannot be a file name; nothing was asked for
     * @throws InvalidFixturesException when the output directory is not a directory or its {@code teams.json} is
     *                                  invalid; nothing was asked for
     */
    public RecordingSummary record(String... ids) {
        return record(List.of(ids));
    }

    /** As {@link #record(String...)}. */
    public RecordingSummary record(List<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no call ids given");
        }
        return Recording.run(settings, ids);
    }

    /** The server it records from. */
    public String from() {
        return settings.from();
    }

    /** The fixtures directory it writes. */
    public Path outputDir() {
        return settings.outputDir();
    }

    @Override
    public String toString() {
        return "Recorder[from=" + settings.from() + ", apiKey=" + ApiKeys.mask(settings.apiKey()) + ", outputDir="
                + settings.outputDir() + "]";
    }

    /** Configures a {@link Recorder}. */
    public static final class Builder {
        private String from = DEFAULT_FROM;
        private String apiKey;
        private Path outputDir = Path.of(DEFAULT_OUTPUT_DIR);
        private final List<String> redact = new ArrayList<>();
        private boolean keepUrlQueries;
        private Consumer<String> progress = line -> { };
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxRateLimitWait = Duration.ofMinutes(5);
        private Duration timeout = Duration.ofSeconds(30);
        private Sleeper sleeper = Sleeper.SYSTEM;
        private boolean follow;
        private Duration followTimeout = DEFAULT_FOLLOW_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The server's base URL (http or https, no query); default {@value Recorder#DEFAULT_FROM}. */
        public Builder from(String baseUrl) {
            this.from = BaseUrls.check(baseUrl);
            return this;
        }

        /** The key to record with (required); sent as {@code Authorization: Bearer <key>}, never shown or written. */
        public Builder apiKey(String apiKey) {
            this.apiKey = ApiKeys.check(apiKey);
            return this;
        }

        /** The fixtures directory to write (created when needed, merged with what it holds); default {@value Recorder#DEFAULT_OUTPUT_DIR}. */
        public Builder outputDir(Path outputDir) {
            this.outputDir = Objects.requireNonNull(outputDir, "outputDir");
            return this;
        }

        /**
         * Fields to replace with placeholders, as JSON pointers into the call ({@code /transcript},
         * {@code /structured_data/name}, {@code /objectives/0/notes}): a string becomes
         * {@code "[redacted]"}, a number {@code 0}, a boolean {@code false}, an object {@code {}}, an
         * array {@code []}; where the spec refuses that (a date-time), a fixed date-time or, for a
         * nullable field only, {@code null}. A call without the field is saved as it is. Adds to the
         * pointers given before.
         *
         * @throws IllegalArgumentException for a pointer that is not one, or names /id or /team_id
         */
        public Builder redact(String... pointers) {
            return redact(List.of(pointers));
        }

        /** As {@link #redact(String...)}. */
        public Builder redact(List<String> pointers) {
            pointers.forEach(p -> redact.add(Recording.checkPointer(p)));
            return this;
        }

        /**
         * Keep the query, fragment and user info of URLs in calls. Off by default: a signed URL (a
         * recording's {@code ?X-Amz-Signature=...}) lets anyone who has it fetch what it points to.
         */
        public Builder keepUrlQueries(boolean keep) {
            this.keepUrlQueries = keep;
            return this;
        }

        /** Where progress lines go (one a call, and one a wait); default nowhere. Never given the key. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Retries of a 5xx or transport failure, and the first backoff ceiling (doubling, capped at 8 s); tests. */
        Builder retries(int maxRetries, Duration initialBackoff) {
            this.maxRetries = maxRetries;
            this.initialBackoff = initialBackoff;
            return this;
        }

        /** The longest Retry-After waited out; a longer one stops the run (tests). */
        Builder maxRateLimitWait(Duration maxRateLimitWait) {
            this.maxRateLimitWait = maxRateLimitWait;
            return this;
        }

        /** The longest one attempt may take, body included (tests). */
        Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** How to wait between attempts (tests). */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** What tells the time of each stage a followed call goes through (tests). */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Follow each call until it ends, and write the stages seen as its timeline (a call file the mock
         * serves moving, from its first request): each stage checked and redacted as a recorded call is; a
         * call already ended when first seen is written as it is. The calls are asked for in turn, about every
         * second while they change and less often while they do not, never faster than the rate-limit budget
         * the last answer showed. Off by default: each call is asked for once.
         */
        public Builder follow(boolean follow) {
            this.follow = follow;
            return this;
        }

        /**
         * How long following may go on, from the first request; a call that has not ended by then is not
         * written. Default {@link Recorder#DEFAULT_FOLLOW_TIMEOUT}, at most a day.
         *
         * @throws IllegalArgumentException when it is not from 1 s to 1 d
         */
        public Builder followTimeout(Duration followTimeout) {
            this.followTimeout = Durations.check(Objects.requireNonNull(followTimeout, "followTimeout"), "followTimeout",
                    Duration.ofSeconds(1), MAX_FOLLOW_TIMEOUT);
            return this;
        }

        /** @throws IllegalStateException when no API key was set */
        public Recorder build() {
            if (apiKey == null) {
                throw new IllegalStateException("apiKey is required");
            }
            return new Recorder(new Recording.Settings(from, apiKey, outputDir, redact, keepUrlQueries, progress, maxRetries,
                    initialBackoff, maxRateLimitWait, timeout, sleeper, follow, followTimeout, clock));
        }

        @Override
        public String toString() {
            return "Recorder.Builder[from=" + from + ", apiKey=" + ApiKeys.mask(apiKey) + "]";
        }
    }
}
