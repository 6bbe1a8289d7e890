package ai.voxworks.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client for the Voxworks API. Immutable and thread-safe; share one per API key.
 *
 * <pre>{@code
 * try (VoxworksClient voxworks = VoxworksClient.builder().apiKey(System.getenv("VOXWORKS_API_KEY")).build()) {
 *     Call call = voxworks.getCall("call_nw_1001");
 *     System.out.println(call.status() + " " + call.duration() + "s: " + call.callSummary());
 * } catch (NotFoundException e) {
 *     System.out.println("no such call for this key's team");
 * }
 * }</pre>
 *
 * <p>Errors are unchecked {@link VoxworksException}s, one class per cause. 429s (honouring
 * {@code Retry-After} up to a cap), 500/502/503/504 and transport failures are retried with
 * exponential backoff and full jitter; 401 and 404 never are. The API key never appears in
 * {@link #toString()} or in any exception message.
 */
public final class VoxworksClient implements AutoCloseable {

    /** Production. */
    public static final String DEFAULT_BASE_URL = "https://api.voxworks.ai";
    /** Sent as {@code User-Agent: voxworks-java/<version>}. */
    public static final String VERSION = readVersion();

    private static final Duration BACKOFF_CAP = Duration.ofSeconds(8);

    private final String apiKey;
    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final int maxRetries;
    private final Duration maxRetryWait;
    private final Duration initialBackoff;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Responses responses;
    private final AtomicReference<RateLimitStatus> lastRateLimit = new AtomicReference<>();

    private VoxworksClient(Builder b) {
        this.apiKey = b.apiKey;
        this.baseUrl = b.baseUrl;
        this.ownsHttp = b.http == null;
        this.http = (b.http == null ? new OkHttpClient() : b.http).newBuilder()
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .callTimeout(b.callTimeout)
                // Retries are this class's job: one visible loop, not a silent second one in OkHttp.
                .retryOnConnectionFailure(false)
                .build();
        this.maxRetries = b.maxRetries;
        this.maxRetryWait = b.maxRetryWait;
        this.initialBackoff = b.initialBackoff;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.random = b.random;
        this.responses = new Responses(JsonMapper.builder().build(), clock, apiKey);
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
        b.maxRetries = maxRetries;
        b.maxRetryWait = maxRetryWait;
        b.initialBackoff = initialBackoff;
        b.sleeper = sleeper;
        b.clock = clock;
        b.random = random;
        return b;
    }

    /**
     * The call with this id, if it belongs to this key's team.
     *
     * @throws IllegalArgumentException when {@code callId} is null, blank, "." or ".." (nothing is sent)
     * @throws NotFoundException        when there is no such call for this team
     * @throws VoxworksException        for every other failure, after the configured retries
     */
    public Call getCall(String callId) {
        Request request = request(callId);
        for (int attempt = 0; ; attempt++) {
            try {
                return execute(request);
            } catch (VoxworksException failure) {
                Duration wait = retryDelay(failure, attempt);
                if (wait == null) {
                    throw failure;
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.addSuppressed(e);
                    throw failure;
                }
            }
        }
    }

    /**
     * As {@link #getCall}, without blocking: requests go through OkHttp's dispatcher and retries
     * are scheduled, so no thread waits. The future fails with the same exceptions.
     *
     * @throws IllegalArgumentException when {@code callId} is null or blank (nothing is sent)
     */
    public CompletableFuture<Call> getCallAsync(String callId) {
        Request request = request(callId);
        CompletableFuture<Call> result = new CompletableFuture<>();
        attemptAsync(request, 0, result);
        return result;
    }

    /** The rate-limit headers of the last response that had them, if any has. */
    public Optional<RateLimitStatus> rateLimitStatus() {
        return Optional.ofNullable(lastRateLimit.get());
    }

    /** The base URL requests go to. */
    public String baseUrl() {
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The API key as shown in messages: its first characters only. */
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
        return "VoxworksClient{baseUrl=" + baseUrl() + ", apiKey=" + maskedApiKey() + ", maxRetries=" + maxRetries + "}";
    }

    private Request request(String callId) {
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("callId must not be null or blank");
        }
        if (callId.equals(".") || callId.equals("..")) {
            // URLs treat these as navigation at every layer (OkHttp, proxies, servers): never an id.
            throw new IllegalArgumentException("'" + callId + "' cannot be a call id");
        }
        HttpUrl url = baseUrl.newBuilder()
                .addPathSegments("api/v1/get-call")
                // One segment whatever it holds: "a/b" is sent as a%2Fb, ".." as %2E%2E.
                .addPathSegment(callId)
                .build();
        return new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .header("User-Agent", "voxworks-java/" + VERSION)
                .get()
                .build();
    }

    private Call execute(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return read(response);
        } catch (IOException e) {
            throw transport(e);
        }
    }

    private void attemptAsync(Request request, int attempt, CompletableFuture<Call> result) {
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(okhttp3.Call call, IOException e) {
                retryOrFail(transport(e));
            }

            @Override
            public void onResponse(okhttp3.Call call, Response response) {
                try (response) {
                    result.complete(read(response));
                } catch (VoxworksException failure) {
                    retryOrFail(failure);
                } catch (IOException e) {
                    retryOrFail(transport(e));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }

            private void retryOrFail(VoxworksException failure) {
                Duration wait = retryDelay(failure, attempt);
                if (wait == null || result.isDone()) {
                    result.completeExceptionally(failure);
                    return;
                }
                CompletableFuture.runAsync(() -> attemptAsync(request, attempt + 1, result), sleeper.after(wait));
            }
        });
    }

    private Call read(Response response) throws IOException {
        Long limit = Responses.longHeader(response.headers(), "X-RateLimit-Limit");
        Long remaining = Responses.longHeader(response.headers(), "X-RateLimit-Remaining");
        if (limit != null && remaining != null) {
            lastRateLimit.set(new RateLimitStatus(limit, remaining));
        }
        byte[] body;
        ResponseBody responseBody = response.body();
        try {
            body = responseBody.bytes();
        } catch (IOException e) {
            if (e instanceof InterruptedIOException) {
                throw e;
            }
            throw responses.unexpected(response.code(), "the body was cut off (" + e.getMessage() + ")", e);
        }
        return responses.read(response.code(), response.headers(), body);
    }

    private TransportException transport(IOException e) {
        String what = e instanceof SocketTimeoutException || e instanceof InterruptedIOException
                ? "timed out" : "failed";
        return new TransportException(responses.scrub("Request to " + baseUrl() + " " + what + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())), e);
    }

    /** How long to wait before retrying after {@code failure}, or {@code null} to give up. */
    private Duration retryDelay(VoxworksException failure, int attempt) {
        if (attempt >= maxRetries) {
            return null;
        }
        if (failure instanceof RateLimitException limited) {
            Optional<Duration> asked = limited.retryAfter();
            if (asked.isPresent()) {
                return asked.get().compareTo(maxRetryWait) <= 0 ? asked.get() : null;
            }
            return backoff(attempt);
        }
        boolean retryable = failure instanceof TransportException
                || (failure instanceof ServerException && switch (failure.status()) {
                    case 500, 502, 503, 504 -> true;
                    default -> false;
                });
        return retryable ? backoff(attempt) : null;
    }

    /** Full jitter: anywhere between zero and the exponential ceiling, so clients spread out. */
    private Duration backoff(int attempt) {
        long ceiling = Math.min(BACKOFF_CAP.toMillis(), initialBackoff.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
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
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be null or blank");
            }
            if (!apiKey.equals(apiKey.strip()) || apiKey.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("apiKey must be printable ASCII without spaces");
            }
            this.apiKey = apiKey;
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
