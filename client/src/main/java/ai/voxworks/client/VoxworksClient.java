package ai.voxworks.client;

import ai.voxworks.client.internal.ApiKeys;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import tools.jackson.core.json.JsonFactory;

/**
 * A client for the Voxworks API.
 *
 * <pre>{@code
 * try (VoxworksClient voxworks = VoxworksClient.fromEnv()) {      // VOXWORKS_API_KEY, VOXWORKS_BASE_URL
 *     Call call = voxworks.getCall("call_nw_1001");
 *     CallResponse response = voxworks.getCallResponse("call_nw_1001");
 *     System.out.println(call.status() + ", " + response.rateLimit().orElseThrow().remaining() + " left");
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: every field is final and set by the {@link Builder}, and no call
 * leaves anything behind in the client, but for one instant with the opt-in
 * {@link Builder#throttle throttle}: when the rate-limit window starts again. What a response says
 * about a call (status, headers, rate-limit status) comes with that call, in a {@link CallResponse}.
 * Share one client per API key; {@link #newBuilder()} makes variants that share its connection pool.
 *
 * <p>Errors are unchecked {@link VoxworksException}s, one class per cause. 429s (honouring
 * {@code Retry-After} up to a cap), 500/502/503/504 and transport failures are retried with
 * exponential backoff and full jitter; 401 and 404 never are. Redirects are not followed unless
 * the builder says so: the key goes to the base URL only. The API key never appears in
 * {@link #toString()} or in any exception message.
 */
public final class VoxworksClient implements AutoCloseable {

    /** Production. */
    public static final String DEFAULT_BASE_URL = "https://api.voxworks.ai";
    /** How long one {@code getCall} may take at most, retries included, unless the builder says otherwise. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    /** The largest response body read unless the builder says otherwise: 16 MiB (a call is a few KB). */
    public static final long DEFAULT_MAX_RESPONSE_SIZE = 16L << 20;
    /** The largest {@link Builder#maxResponseSize} can be: the longest array a JVM makes. */
    public static final long LARGEST_RESPONSE_SIZE = Integer.MAX_VALUE - 8;
    /** How long {@link #awaitCall(String)} waits for a call to end. */
    public static final Duration DEFAULT_AWAIT_TIMEOUT = Duration.ofMinutes(10);
    /** Sent as {@code User-Agent: voxworks-java/<version>}. */
    public static final String VERSION = readVersion();

    private final String apiKey;
    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Duration deadline;
    private final boolean throttle;
    private final boolean followRedirects;
    private final long maxResponseSize;
    private final CallFetcher fetcher;
    private final CallAwaiter awaiter;

    private VoxworksClient(Builder b) {
        this.apiKey = b.apiKey;
        this.baseUrl = b.baseUrl;
        this.ownsHttp = b.http == null;
        OkHttpClient.Builder http = (b.http == null ? new OkHttpClient() : b.http).newBuilder();
        if (!http.interceptors().contains(Deadline.TIMEOUTS)) {
            http.addInterceptor(Deadline.TIMEOUTS);
        }
        this.http = http
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .callTimeout(b.callTimeout)
                // Retries are this library's job: one visible loop, not a silent second one in OkHttp.
                .retryOnConnectionFailure(false)
                .followRedirects(b.followRedirects)
                .followSslRedirects(b.followRedirects)
                .build();
        this.retry = new RetryPolicy(b.maxRetries, b.maxRetryWait, b.initialBackoff, b.random);
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.deadline = b.deadline;
        this.throttle = b.throttle;
        this.followRedirects = b.followRedirects;
        this.maxResponseSize = b.maxResponseSize;
        this.fetcher = new CallFetcher(this.http, baseUrl, apiKey, retry, sleeper,
                new Responses(JsonFactory.builder().build(), clock, apiKey), deadline,
                throttle ? Throttle.on(clock) : Throttle.OFF, clock, maxResponseSize);
        this.awaiter = new CallAwaiter(fetcher, sleeper, clock);
    }

    /** A builder; {@link Builder#apiKey} is the one required setting. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from {@code VOXWORKS_API_KEY} and {@code VOXWORKS_BASE_URL} (default
     * production).
     *
     * @throws IllegalStateException when {@code VOXWORKS_API_KEY} is not set
     */
    public static VoxworksClient fromEnv() {
        return fromEnv(System::getenv);
    }

    /** As {@link #fromEnv()}, reading variables through {@code env}. */
    static VoxworksClient fromEnv(Function<String, String> env) {
        String key = env.apply("VOXWORKS_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("VOXWORKS_API_KEY is not set; export your Voxworks API key "
                    + "(or build the client with VoxworksClient.builder().apiKey(...))");
        }
        String url = env.apply("VOXWORKS_BASE_URL");
        return builder().apiKey(key).baseUrl(url == null || url.isBlank() ? DEFAULT_BASE_URL : url).build();
    }

    /** A builder with this client's settings, sharing its connection pool and threads. */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.apiKey = apiKey;
        b.baseUrl = baseUrl;
        b.http = http;
        b.connectTimeout = Duration.ofMillis(http.connectTimeoutMillis());
        b.readTimeout = Duration.ofMillis(http.readTimeoutMillis());
        b.callTimeout = Duration.ofMillis(http.callTimeoutMillis());
        b.deadline = deadline;
        b.throttle = throttle;
        b.followRedirects = followRedirects;
        b.maxResponseSize = maxResponseSize;
        b.maxRetries = retry.maxRetries();
        b.maxRetryWait = retry.maxRetryWait();
        b.initialBackoff = retry.initialBackoff();
        b.random = retry.random();
        b.sleeper = sleeper;
        b.clock = clock;
        return b;
    }

    /**
     * The call with this id, if it belongs to this key's team: {@code getCallResponse(callId).call()}.
     *
     * @throws IllegalArgumentException when {@code callId} is null, blank, "." or ".." (nothing is sent)
     * @throws NotFoundException        when there is no such call for this team
     * @throws VoxworksException        for every other failure, after the configured retries
     */
    public Call getCall(String callId) {
        return fetcher.fetch(callId).call();
    }

    /**
     * As {@link #getCall}, with the status, headers and rate-limit status of the response that
     * brought the call (after retries, the last one).
     *
     * @throws IllegalArgumentException when {@code callId} is null, blank, "." or ".." (nothing is sent)
     * @throws VoxworksException        as {@link #getCall} does; a {@link RateLimitException} carries
     *                                  the rate-limit headers of its 429
     */
    public CallResponse getCallResponse(String callId) {
        return fetcher.fetchResponse(callId);
    }

    /**
     * As {@link #getCall}, without blocking: requests go through OkHttp's dispatcher and retries
     * are scheduled, so no thread waits. The future fails with the same exceptions; cancelling it
     * stops further retries.
     *
     * @throws IllegalArgumentException when {@code callId} is null, blank, "." or ".." (nothing is sent)
     */
    public CompletableFuture<Call> getCallAsync(String callId) {
        return fetcher.fetchAsync(callId, Responses.Fetched::call);
    }

    /**
     * Polls the call until it has ended ({@link Call#ended()}), for at most
     * {@link #DEFAULT_AWAIT_TIMEOUT}: {@code awaitCall(callId, Call::ended, DEFAULT_AWAIT_TIMEOUT, null)}.
     *
     * @return the call as it was when it ended
     * @throws AwaitTimeoutException when it has not ended by then
     */
    public Call awaitCall(String callId) {
        return awaitCall(callId, Call::ended, DEFAULT_AWAIT_TIMEOUT, null);
    }

    /** As {@link #awaitCall(String, Predicate, Duration, Consumer)}, without a listener. */
    public Call awaitCall(String callId, Predicate<Call> until, Duration timeout) {
        return awaitCall(callId, until, timeout, null);
    }

    /**
     * Polls the call until {@code until} holds, and returns it then.
     *
     * <pre>{@code
     * Call done = voxworks.awaitCall("call_nw_1007", Call::ended, Duration.ofMinutes(5),
     *         call -> System.out.println(call.status() + " " + call.progress()));   // each change
     * }</pre>
     *
     * <p>It asks every second at first, half as long again after each answer that brought no change
     * (up to 10 s), and every second again after one that did. It never asks faster than the rate-limit
     * budget the last answer showed ({@code X-RateLimit-Remaining} and {@code -Reset}, or the IETF
     * fields): with {@code r} requests left and the window starting again in {@code t}, at most one per
     * {@code t / r}, and with none left not before {@code t}; so it draws no 429 of its own making. A
     * 429 all the same (another program spending the key's budget) is waited out as its
     * {@code Retry-After} asks. Each request is a {@link #getCallResponse}, with its retries.
     *
     * @param until    the condition, such as {@code Call::ended}, or {@code c -> "in-progress".equals(c.status())}
     * @param timeout  how long to keep asking; at the deadline it asks one last time, unless the budget
     *                 is spent until after it
     * @param onChange called, on this thread, with the first answer and each one whose JSON differs from
     *                 the answer before ({@code null}: nobody)
     * @return the first call that met {@code until}
     * @throws AwaitTimeoutException when the timeout passed first, with the call as last seen
     * @throws TransportException    when the thread is interrupted while it waits (its flag set again)
     * @throws VoxworksException     as {@link #getCallResponse} does, but for a 429: a 404 at once, say
     */
    public Call awaitCall(String callId, Predicate<Call> until, Duration timeout, Consumer<Call> onChange) {
        return awaiter.await(callId, until, timeout, onChange);
    }

    /** The base URL requests go to. */
    public String baseUrl() {
        return display(baseUrl);
    }

    /** The API key as shown in messages: masked (its first and last characters at most). */
    public String maskedApiKey() {
        return ApiKeys.mask(apiKey);
    }

    /** Releases the connection pool and threads, unless they belong to an {@code OkHttpClient} you passed in. */
    @Override
    public void close() {
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "VoxworksClient{baseUrl=" + baseUrl() + ", apiKey=" + maskedApiKey() + ", maxRetries=" + retry.maxRetries() + "}";
    }

    /** {@code url} as shown to people: without a trailing slash. */
    static String display(HttpUrl url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = VoxworksClient.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // Fall through to "dev".
        }
        return p.getProperty("version", "dev");
    }

    /** Configures a {@link VoxworksClient}. Only the API key is required. */
    public static final class Builder {
        private String apiKey;
        private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
        private OkHttpClient http;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ZERO;
        private Duration deadline = DEFAULT_DEADLINE;
        private boolean throttle;
        private boolean followRedirects;
        private long maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;
        private int maxRetries = 2;
        private Duration maxRetryWait = Duration.ofSeconds(30);
        private Duration initialBackoff = Duration.ofMillis(500);
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /** The API key (required, not blank); sent as {@code Authorization: Bearer <key>}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = ApiKeys.check(apiKey);
            return this;
        }

        /** Where the API is; default {@value VoxworksClient#DEFAULT_BASE_URL}. Must be http or https, without query. */
        public Builder baseUrl(String baseUrl) {
            HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl.strip());
            if (url == null) {
                throw new IllegalArgumentException("baseUrl '" + baseUrl + "' is not an http or https URL");
            }
            if (url.query() != null || url.fragment() != null) {
                throw new IllegalArgumentException("baseUrl '" + baseUrl + "' must not have a query or fragment");
            }
            this.baseUrl = url;
            return this;
        }

        /** Share this OkHttp client's connection pool and threads (timeouts here still apply). */
        public Builder okHttpClient(OkHttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        /** How long to wait for a connection; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long a read may stall; default 30 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /** A limit for one attempt, from connect to the last byte; default none (connect and read timeouts still apply). */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = nonNegative(timeout, "callTimeout");
            return this;
        }

        /**
         * The longest one {@code getCall} may take, retries and waits included, including a server
         * that never answers or drips its body; default 60 s, {@link Duration#ZERO} for none.
         */
        public Builder deadline(Duration deadline) {
            this.deadline = nonNegative(deadline, "deadline");
            return this;
        }

        /**
         * Off by default. When on, a response that says nothing remains in the rate-limit window,
         * and when the window starts again ({@code RateLimit} {@code t}, or {@code X-RateLimit-Reset}),
         * makes the next request wait for that moment instead of collecting a 429. Retries still
         * honour {@code Retry-After} first; a wait past the {@link #deadline} is not made.
         */
        public Builder throttle(boolean throttle) {
            this.throttle = throttle;
            return this;
        }

        /**
         * Off by default: a 3xx is then an {@link ApiException} naming its {@code Location}, and the key
         * goes to the base URL only. On, OkHttp follows redirects (dropping {@code Authorization} when
         * the host changes) and the client reads whatever the last server answers.
         */
        public Builder followRedirects(boolean follow) {
            this.followRedirects = follow;
            return this;
        }

        /**
         * The largest response body read; a larger one is an {@link UnexpectedResponseException}
         * and is not read further. Default {@value VoxworksClient#DEFAULT_MAX_RESPONSE_SIZE} bytes, at
         * most {@value VoxworksClient#LARGEST_RESPONSE_SIZE} (a body is read into one array).
         */
        public Builder maxResponseSize(long bytes) {
            if (bytes < 1 || bytes > LARGEST_RESPONSE_SIZE) {
                throw new IllegalArgumentException("maxResponseSize must be from 1 to " + LARGEST_RESPONSE_SIZE
                        + " bytes, not " + bytes);
            }
            this.maxResponseSize = bytes;
            return this;
        }

        /** Retries after the first attempt; default 2, 0 turns retrying off. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, not " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** The longest {@code Retry-After} the client waits out; a longer one fails at once. Default 30 s. */
        public Builder maxRetryWait(Duration maxRetryWait) {
            this.maxRetryWait = nonNegative(maxRetryWait, "maxRetryWait");
            return this;
        }

        /** The first backoff ceiling (doubling per attempt, capped at 8 s); default 500 ms. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * How this client tells the time and waits: for {@link VoxworksClient#awaitCall}'s polls and
         * deadline, retries and the throttle. The system clock and real sleeps unless set. For tools
         * that keep a time of their own: the mock's JUnit handle gives its clients the mock's clock and a
         * sleeper that moves it, so that polling a 60 s timeline takes milliseconds.
         */
        public Builder time(Clock clock, Sleeper sleeper) {
            return clock(clock).sleeper(sleeper);
        }

        /** How to wait between retries; tests pass one that returns at once. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The clock an HTTP-date {@code Retry-After} is measured against. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Source of jitter, values in [0, 1). */
        Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** @throws IllegalStateException when no API key was set */
        public VoxworksClient build() {
            if (apiKey == null) {
                throw new IllegalStateException("apiKey is required");
            }
            return new VoxworksClient(this);
        }

        @Override
        public String toString() {
            return "VoxworksClient.Builder{baseUrl=" + baseUrl + ", apiKey=" + ApiKeys.mask(apiKey) + "}";
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }

        private static Duration nonNegative(Duration d, String name) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return d;
        }
    }
}
