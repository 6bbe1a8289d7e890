package ai.voxworks.mock.internal.record;

import ai.voxworks.mock.internal.Durations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

// Over 250 lines because the one switch from response to outcome, with the retries, waits and
// timeouts it needs, reads best in one place, as the client's CallFetcher and RetryPolicy would if
// this module could use the client (it cannot: the client's tests depend on this module).

/**
 * Asks a Voxworks server for calls, one at a time, and decides in one switch what each response
 * means for the recording: 200 is a body to save; 401 stops the recording (the key is wrong); 404
 * skips the call; 429 waits what {@code Retry-After} asks (saying so) and asks again; 500, 502,
 * 503, 504 and transport failures are retried with exponential backoff and full jitter, then the
 * call is skipped; any other status skips it.
 *
 * <p>Redirects are not followed, so the key goes to the configured server only. Each attempt
 * ends within its timeout, a slow body included, and a body larger than {@link #MAX_BODY} is
 * refused. Messages never contain the key: the caller scrubs them, as it does every line it prints.
 */
final class Upstream {

    static final int MAX_BODY = 32 << 20;
    static final Duration BACKOFF_CAP = Duration.ofSeconds(8);
    /** How often one call may meet a 429 before it is skipped: a server that never lets a request through. */
    static final int MAX_RATE_LIMIT_WAITS = 5;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SNIPPET = 100;

    /** How hard to try. */
    record Retries(int maxRetries, Duration initialBackoff, Duration maxRateLimitWait, Duration timeout, Sleeper sleeper) {
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;
    private final Retries retries;
    private final Consumer<String> progress;

    Upstream(String baseUrl, String apiKey, Retries retries, Consumer<String> progress) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(retries.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + apiKey;
        this.retries = retries;
        this.progress = progress;
    }

    /**
     * {@code url} as a base URL: http or https, a host, no query, fragment or user info, no trailing slash.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static String checkBaseUrl(String url) {
        String text = url == null ? "" : url.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an http or https URL, such as https://api.voxworks.ai");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + text + "' must not have a query, a fragment or user info");
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Asks for the call {@code id} until the answer is final. */
    Fetched fetch(String id) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/get-call/" + segment(id)))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", "voxworks-mock-server-record")
                .timeout(retries.timeout())
                .GET()
                .build();
        int failures = 0;
        int rateLimited = 0;
        while (true) {
            String failure;
            try {
                Response response = send(request);
                switch (response.status()) {
                    case 200:
                        return new Fetched.Body(response.body());
                    case 401:
                        return new Fetched.Stop("the key was refused (" + response.describe() + ")");
                    case 404:
                        return new Fetched.Skip("not found (" + response.describe() + "): an unknown id, or a call of "
                                + "another team than the key's");
                    case 429:
                        Optional<Duration> asked = response.retryAfter();
                        Duration wait = asked.isPresent() ? asked.get() : backoff(rateLimited);
                        if (wait.compareTo(retries.maxRateLimitWait()) > 0) {
                            return new Fetched.Stop("rate limited (" + response.describe() + "), and the server asks "
                                    + "to wait " + seconds(wait) + ", longer than the " + seconds(retries.maxRateLimitWait())
                                    + " a recording waits; try again later");
                        }
                        if (++rateLimited > MAX_RATE_LIMIT_WAITS) {
                            return new Fetched.Skip("still rate limited after waiting " + MAX_RATE_LIMIT_WAITS + " times");
                        }
                        progress.accept("rate limited (HTTP 429): waiting " + seconds(wait)
                                + (asked.isPresent() ? " as Retry-After asks" : "") + ", then " + id + " again");
                        retries.sleeper().sleep(wait);
                        continue;
                    case 500, 502, 503, 504:
                        failure = response.describe();
                        break;
                    default:
                        return new Fetched.Skip("unexpected " + response.describe()
                                + (response.status() / 100 == 3 ? " (redirects are not followed: the key goes to "
                                + baseUrl + " only)" : ""));
                }
            } catch (IOException e) {
                failure = "no response from " + baseUrl + ": " + describe(e);
            }
            if (failures >= retries.maxRetries()) {
                return new Fetched.Skip(failure + (failures == 0 ? "" : " (tried " + (failures + 1) + " times)"));
            }
            Duration wait = backoff(failures++);
            progress.accept(id + ": " + failure + "; trying again in " + seconds(wait));
            retries.sleeper().sleep(wait);
        }
    }

    /** One attempt, body included, bounded by the timeout. */
    private Response send(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, info -> new CappedBody());
        try {
            HttpResponse<byte[]> response = pending.get(retries.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException("no complete response within " + Durations.format(retries.timeout()));
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }

    /** Full jitter: anywhere between zero and the doubling ceiling, so that clients spread out. */
    private Duration backoff(int attempt) {
        long ceiling = Math.min(BACKOFF_CAP.toMillis(), retries.initialBackoff().toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis((long) (ThreadLocalRandom.current().nextDouble() * ceiling));
    }

    /** The id as one path segment: every byte but the unreserved characters percent-encoded. */
    static String segment(String id) {
        StringBuilder out = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timed out" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** A response, read whole. */
    private record Response(int status, HttpHeaders headers, byte[] body) {

        /** {@code HTTP 502: <the API's message>}, or a snippet of a body that is not the API's. */
        String describe() {
            String message = serverMessage();
            if (message != null) {
                return "HTTP " + status + ": " + message;
            }
            if (body.length == 0) {
                return "HTTP " + status + ", empty body";
            }
            String text = new String(body, 0, Math.min(body.length, SNIPPET * 4), StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ").strip();
            return "HTTP " + status + ", not the API's JSON: '" + (text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text)
                    + "'";
        }

        private String serverMessage() {
            try {
                JsonNode error = JSON.readTree(body);
                JsonNode message = error == null ? null : error.get("message");
                return message != null && message.isString() ? message.asString() : null;
            } catch (JacksonException e) {
                return null;
            }
        }

        /** {@code Retry-After} in whole seconds or as an HTTP date. */
        Optional<Duration> retryAfter() {
            Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        }
    }

    /** Collects a body up to {@link #MAX_BODY} bytes; a larger one fails the attempt. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (result.isDone()) {
                    return;
                }
                if (bytes.size() + buffer.remaining() > MAX_BODY) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("the response is larger than " + (MAX_BODY >> 20) + " MB"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
