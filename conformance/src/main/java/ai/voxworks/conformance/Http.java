package ai.voxworks.conformance;

import static io.restassured.RestAssured.given;

import ai.voxworks.client.internal.PathSegments;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How cases talk to the target: {@code GET /api/v1/get-call/{id}} through one Rest Assured
 * {@link RequestSpecification}, each answer recorded as an {@link Exchange}.
 *
 * <p>{@link #get} is what a case uses when it expects anything but a 429: every response must
 * conform to the contract, and a 429 is reported as {@link RateLimited}, after one more try when
 * its {@code Retry-After} is within the target's {@code maxWait}. {@link #send} is the bare
 * request, for the cases about rate limiting.
 */
final class Http {

    static final String PATH = "/api/v1/get-call/";

    /** The test seam for waiting; sleeps for real otherwise. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Target target;
    private final OpenApiContract contract;
    private final RequestSpecification spec;
    private final Sleeper sleeper;
    private final AtomicInteger sent = new AtomicInteger();

    Http(Target target, OpenApiContract contract, Sleeper sleeper) {
        this.target = target;
        this.contract = contract;
        this.sleeper = sleeper;
        this.spec = new RequestSpecBuilder()
                .setBaseUri(target.baseUrl())
                .setUrlEncodingEnabled(false)
                .setConfig(RestAssuredConfig.config()
                        .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                        .httpClient(HttpClientConfig.httpClientConfig()
                                .setParam("http.connection.timeout", 10_000).setParam("http.socket.timeout", 30_000)))
                .build();
    }

    /** How many requests this run has sent. */
    int sent() {
        return sent.get();
    }

    /**
     * The response to a request a case expects to be answered with anything but 429, checked
     * against the contract.
     *
     * @throws RateLimited        when it is a 429, even after waiting once for a short {@code Retry-After}
     * @throws ConformanceFailure when it departs from the contract
     */
    Exchange get(String id, Credentials credentials) {
        Exchange exchange = send(id, credentials);
        if (exchange.status() == 429) {
            exchange = afterRateLimit(exchange, id, credentials);
        }
        conforms(exchange);
        return exchange;
    }

    /** Fails the case when the exchange departs from the contract. */
    void conforms(Exchange exchange) {
        List<String> problems = contract.violations(exchange);
        if (!problems.isEmpty()) {
            throw new ConformanceFailure("every response conforms to " + contract.source(),
                    "a response the spec documents for getCall", String.join("\n", problems), List.of(exchange));
        }
    }

    List<String> violations(Exchange exchange) {
        return contract.violations(exchange);
    }

    private Exchange afterRateLimit(Exchange limited, String id, Credentials credentials) {
        Optional<Long> wait = limited.header("Retry-After").flatMap(OpenApiContract::retryAfterSeconds);
        String summary = "rate limited (" + wait.map(s -> "Retry-After " + s + " s").orElse("no Retry-After") + ")";
        String what = "the server answered 429 before this case could check anything";
        if (wait.isEmpty()) {
            throw new RateLimited(summary, what + "; with no Retry-After there is nothing to wait for", limited);
        }
        Duration duration = Duration.ofSeconds(wait.get());
        if (duration.compareTo(target.maxWait()) > 0) {
            throw new RateLimited(summary, what + "; " + Target.seconds(duration) + " is longer than --max-wait "
                    + Target.seconds(target.maxWait()) + ", so it was not waited for: rerun later or raise --max-wait", limited);
        }
        pause(duration);
        Exchange again = send(id, credentials);
        if (again.status() == 429) {
            throw new RateLimited(summary, what + "; still 429 after waiting " + Target.seconds(duration)
                    + " and trying once more", again);
        }
        return again;
    }

    /** Waits, at most the target's {@code maxWait}, plus a little for the clocks to agree. */
    void pause(Duration duration) {
        Duration bounded = duration.compareTo(target.maxWait()) > 0 ? target.maxWait() : duration;
        try {
            sleeper.sleep(bounded.isZero() ? bounded : bounded.plusMillis(100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a Retry-After", e);
        }
    }

    /** The bare request: recorded, not checked. */
    Exchange send(String id, Credentials credentials) {
        String path = PATH + PathSegments.encode(id);
        RequestSpecification request = given(spec);
        if (credentials.header() != null) {
            request.header("Authorization", credentials.header());
        }
        long start = System.nanoTime();
        Response response;
        try {
            sent.incrementAndGet();
            response = request.when().get(path);
        } catch (RuntimeException e) {
            throw new NoResponse("GET " + target.baseUrl() + path + ": no response (" + describe(e) + ")", e);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Header h : response.getHeaders()) {
            headers.add(Map.entry(h.getName(), h.getValue()));
        }
        return Exchange.of(target.baseUrl() + path, credentials, response.statusCode(), headers, response.asByteArray(),
                Duration.ofNanos(System.nanoTime() - start), target::redact);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** The server could not be reached or did not answer. */
    static final class NoResponse extends RuntimeException {
        NoResponse(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
