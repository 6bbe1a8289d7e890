package ai.voxworks.conformance;

import static io.restassured.RestAssured.given;

import ai.voxworks.client.internal.PathSegments;
import ai.voxworks.client.Sleeper;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLException;
import org.opentest4j.TestAbortedException;

/**
 * How cases talk to the target: requests to {@code /api/v1/get-call/{id}} through one Rest Assured
 * {@link RequestSpecification}, each answer recorded as an {@link Exchange}, each bounded in time.
 *
 * <p>{@link #get} is what a case uses when the response is the one its rule is about: it must
 * conform to the contract. {@link #fetch} is for a case whose rule is something else, so that a
 * broken schema fails the case about the schema and no other. Both report a 429 as
 * {@link RateLimited}, after one more try when its {@code Retry-After} is within the target's
 * {@code maxWait}. {@link #send} is the bare request, for the cases about rate limiting.
 *
 * <p>Time is bounded twice: each request by {@link Target#timeout()} (the answer included, not
 * just each read), the run by {@link Target#deadline()}. The first request that gets no answer
 * fails its case and stops the run: the cases after it are not run ({@link Halted}), so a server
 * that never answers costs one timeout, said once.
 */
final class Http implements AutoCloseable {

    static final String PATH = "/api/v1/get-call/";
    /** What a POST, PUT or PATCH carries: a JSON body, as a client that meant it would send. */
    static final String JSON_BODY = "{}";
    /** Whole seconds may round a wait down by almost a second: waits for a {@code Retry-After} add this. */
    static final Duration ROUNDING = Duration.ofSeconds(1);
    /** How often a wait says how long is left. */
    static final Duration TICK = Duration.ofSeconds(10);

    /** How a run reads the time and waits: the system's, or a test's that moves only when waited on. */
    record Time(LongSupplier nanoTime, Sleeper sleeper) {
        static final Time SYSTEM = new Time(System::nanoTime, Sleeper.SYSTEM);
    }

    /** One request: {@code method} on the call {@code id}, with these credentials and, when not null, a JSON body. */
    record Request(String method, String id, Credentials credentials, String body) {
        static Request get(String id, Credentials credentials) {
            return new Request("GET", id, credentials, null);
        }
    }

    private final Target target;
    private final OpenApiContract contract;
    private final Time time;
    private final RequestSpecification spec;
    private final ExecutorService requests = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "voxworks-conformance-request");
        thread.setDaemon(true);  // One stuck on a server that never answers must not keep the JVM alive.
        return thread;
    });
    private final long deadlineAt;
    private final ResponseTimes responseTimes;
    private int sent;
    private RuntimeException pending;
    private String halted;
    private Consumer<String> progress = line -> { };

    Http(Target target, OpenApiContract contract, Time time) {
        this.target = target;
        this.contract = contract;
        this.time = time;
        this.deadlineAt = time.nanoTime().getAsLong() + target.deadline().toNanos();
        this.responseTimes = new ResponseTimes(target.maxResponseTime());
        int millis = (int) target.timeout().toMillis();
        this.spec = new RequestSpecBuilder()
                .setBaseUri(target.baseUrl())
                .setUrlEncodingEnabled(false)
                .setConfig(RestAssuredConfig.config()
                        .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                        .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
                        .httpClient(HttpClientConfig.httpClientConfig()
                                .setParam("http.connection.timeout", millis).setParam("http.socket.timeout", millis)))
                .build();
    }

    /** How many requests this run has sent. */
    int sent() {
        return sent;
    }

    ResponseTimes responseTimes() {
        return responseTimes;
    }

    /** Where waits say what they wait for and how long is left (the case's report, set before each case). */
    void progress(Consumer<String> sink) {
        this.progress = sink;
    }

    /**
     * One request without a key, before any case: it warms the HTTP stack up (so the first case's
     * response time is the server's) and finds a server that cannot be reached or does not answer.
     *
     * @return why the server gave no answer; empty when it answered anything
     */
    Optional<String> probe() {
        try {
            send(Request.get(target.callId(), Credentials.NONE), false);
            return Optional.empty();
        } catch (Stop e) {
            pending = e;
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Before each case: fails it with what stopped the run, the first time; skips it as not run
     * after that; fails it once the run is past its deadline.
     */
    void check() {
        if (pending != null) {
            RuntimeException first = pending;
            pending = null;
            throw first;
        }
        if (halted != null) {
            throw new Halted(halted);
        }
        if (remaining().isNegative() || remaining().isZero()) {
            throw deadlineReached("before this case could start");
        }
    }

    /** Time left before the deadline (negative once it has passed). */
    Duration remaining() {
        return Duration.ofNanos(deadlineAt - time.nanoTime().getAsLong());
    }

    /** The run's clock, as {@link Exchange#receivedAt()} reads it. */
    long now() {
        return time.nanoTime().getAsLong();
    }

    /**
     * The response to a request whose rule is the case's own, checked against the contract.
     *
     * @throws RateLimited        when it is a 429, even after waiting once for a short {@code Retry-After}
     * @throws ConformanceFailure when it departs from the contract
     */
    Exchange get(String id, Credentials credentials) {
        Exchange exchange = fetch(Request.get(id, credentials));
        conforms(exchange);
        return exchange;
    }

    /** The response to a request a case needs for another rule: not checked against the contract, but never a 429. */
    Exchange fetch(String id, Credentials credentials) {
        return fetch(Request.get(id, credentials));
    }

    /** @throws RateLimited when it is a 429, even after waiting once for a short {@code Retry-After} */
    Exchange fetch(Request request) {
        Exchange exchange = send(request);
        return exchange.status() == 429 ? afterRateLimit(exchange, request) : exchange;
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

    private Exchange afterRateLimit(Exchange limited, Request request) {
        Optional<Long> wait = limited.header("Retry-After").flatMap(OpenApiContract::retryAfterSeconds);
        String summary = "rate limited (" + wait.map(s -> "Retry-After " + s + " s").orElse("no Retry-After") + ")";
        String what = "the server answered 429 before this case could check anything";
        if (wait.isEmpty()) {
            throw new RateLimited(summary, what + "; with no Retry-After there is nothing to wait for", limited);
        }
        Duration retryAfter = Duration.ofSeconds(wait.get());
        if (retryAfter.compareTo(target.maxWait()) > 0) {
            throw new RateLimited(summary, what + "; " + Target.seconds(retryAfter) + " is longer than --max-wait "
                    + Target.seconds(target.maxWait()) + ", so it was not waited for: rerun later or raise --max-wait", limited);
        }
        Duration pause = retryAfter.plus(ROUNDING);
        if (pause.compareTo(remaining()) >= 0) {
            throw new RateLimited(summary, what + "; waiting " + Target.seconds(pause) + " would pass the run's --deadline",
                    limited);
        }
        pause(pause, "Retry-After " + wait.get() + " s, plus " + Target.seconds(ROUNDING) + " whole seconds may round away");
        Exchange again = send(request);
        if (again.status() == 429) {
            throw new RateLimited(summary, what + "; still 429 after waiting " + Target.seconds(pause)
                    + " and trying once more", again);
        }
        return again;
    }

    /** Waits {@code duration}, saying so and, every {@link #TICK}, how long is left. */
    void pause(Duration duration, String why) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        progress.accept("waiting " + wholeSeconds(duration) + " s: " + why);
        Duration left = duration;
        try {
            while (!left.isZero()) {
                Duration step = left.compareTo(TICK) > 0 ? TICK : left;
                time.sleeper().sleep(step);
                left = left.minus(step);
                if (!left.isZero()) {
                    progress.accept("… " + wholeSeconds(left) + " s left");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a Retry-After", e);
        }
    }

    private static long wholeSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }

    /** The bare GET: recorded, not checked. */
    Exchange send(String id, Credentials credentials) {
        return send(Request.get(id, credentials));
    }

    /**
     * The bare request, recorded, not checked; {@code HEAD} goes over a plain socket, so that a body
     * sent with it is seen (an HTTP client would drop it unread).
     *
     * @throws NoResponse      when there is no answer within the timeout (or no connection); the run stops
     * @throws DeadlineReached when the run passes its deadline first
     */
    Exchange send(Request request) {
        return send(request, true);
    }

    /** {@code timed}: whether its response time counts against {@code --max-response-time} (the probe's does not). */
    private Exchange send(Request request, boolean timed) {
        if (halted != null) {
            throw new Halted(halted);
        }
        Duration left = remaining();
        if (left.isNegative() || left.isZero()) {
            throw deadlineReached("before " + request.method() + " " + url(request));
        }
        boolean deadlineFirst = left.compareTo(target.timeout()) < 0;
        Duration budget = deadlineFirst ? left : target.timeout();
        String url = url(request);
        sent++;
        long start = time.nanoTime().getAsLong();
        Future<Received> future = requests.submit(exchange(request, url, budget));
        Received received;
        try {
            received = future.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            if (deadlineFirst) {
                throw deadlineReached("while waiting for the answer to " + request.method() + " " + url);
            }
            throw noResponse("no answer in " + Target.seconds(target.timeout()) + " (--timeout)", request, url);
        } catch (ExecutionException e) {
            throw noResponse(problem(e.getCause()), request, url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + url, e);
        }
        long end = time.nanoTime().getAsLong();
        Duration elapsed = Duration.ofNanos(end - start).minus(received.listened());
        Exchange exchange = Exchange.of(request.method(), url, request.body(), request.credentials(), received.status(),
                received.headers(), received.body(), elapsed.isNegative() ? Duration.ZERO : elapsed, end, target::redact);
        if (timed) {
            responseTimes.observe(exchange);
        }
        return exchange;
    }

    /** What the request task hands back; {@code listened}: time after the response that is not the server's. */
    private record Received(int status, List<Map.Entry<String, String>> headers, byte[] body, Duration listened) {
    }

    private Callable<Received> exchange(Request request, String url, Duration budget) {
        if (request.method().equals("HEAD")) {
            return () -> {
                RawHead.Response raw = RawHead.send(URI.create(url), request.credentials().header(), budget);
                return new Received(raw.status(), raw.headers(), raw.body(), raw.listened());
            };
        }
        return () -> {
            RequestSpecification call = given(spec);
            if (request.credentials().header() != null) {
                call.header("Authorization", request.credentials().header());
            }
            if (request.body() != null) {
                call.contentType("application/json").body(request.body());
            }
            Response response = call.when().request(request.method(), path(request));
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (Header h : response.getHeaders()) {
                headers.add(Map.entry(h.getName(), h.getValue()));
            }
            return new Received(response.statusCode(), headers, response.asByteArray(), Duration.ZERO);
        };
    }

    private static String path(Request request) {
        return PATH + PathSegments.encode(request.id());
    }

    private String url(Request request) {
        return target.baseUrl() + path(request);
    }

    private NoResponse noResponse(String problem, Request request, String url) {
        NoResponse e = new NoResponse(problem + ": " + request.method() + " " + url);
        halted = "not run: an earlier request got no answer (" + problem + ")";
        return e;
    }

    private DeadlineReached deadlineReached(String when) {
        String deadline = "--deadline " + Target.seconds(target.deadline());
        halted = "not run: the run reached its " + deadline;
        return new DeadlineReached("the run reached its " + deadline + " " + when + ": the cases after this one are not run");
    }

    /** One line: what kept the answer from coming, with a hint where the cause is a common mistake. */
    private String problem(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        boolean https = target.baseUrl().regionMatches(true, 0, "https:", 0, 6);
        if (root instanceof SSLException || e instanceof SSLException) {
            return "TLS handshake failed (" + message + ")" + (https ? "; is it a plain-HTTP port? try "
                    + target.baseUrl().replaceFirst("(?i)^https:", "http:") : "");
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + message;
        }
        if (root instanceof ConnectException) {
            return "cannot connect (" + message + ")";
        }
        if (root instanceof java.net.SocketTimeoutException) {
            return "no answer in " + Target.seconds(target.timeout()) + " (--timeout)";
        }
        String described = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return "no HTTP answer (" + described + ")" + (!https && root instanceof IOException
                ? "; if it is a TLS port, try " + target.baseUrl().replaceFirst("(?i)^http:", "https:") : "");
    }

    @Override
    public void close() {
        requests.shutdownNow();
    }

    /** What stops a run: the case it happens in fails with this one line, the ones after it are not run. */
    abstract static class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    /** The server could not be reached or did not answer in time. */
    static final class NoResponse extends Stop {
        NoResponse(String message) {
            super(message);
        }
    }

    /** The run passed its {@code --deadline}. */
    static final class DeadlineReached extends Stop {
        DeadlineReached(String message) {
            super(message);
        }
    }

    /** A case not run because the run had already stopped; reported as not run, never as passed. */
    static final class Halted extends TestAbortedException {
        Halted(String reason) {
            super(reason);
        }
    }

    /** How long the responses took, against {@code --max-response-time}. */
    static final class ResponseTimes {
        /** How many slow exchanges a failure shows in full. */
        static final int SHOWN = 3;

        private final Optional<Duration> budget;
        private final List<Exchange> over = new ArrayList<>();
        private int observed;
        private int overCount;
        private Exchange slowest;

        ResponseTimes(Optional<Duration> budget) {
            this.budget = budget;
        }

        void observe(Exchange exchange) {
            observed++;
            if (slowest == null || exchange.elapsed().compareTo(slowest.elapsed()) > 0) {
                slowest = exchange;
            }
            if (budget.isPresent() && exchange.elapsed().compareTo(budget.get()) > 0) {
                overCount++;
                if (over.size() < SHOWN) {
                    over.add(exchange);
                }
            }
        }

        int observed() {
            return observed;
        }

        int overCount() {
            return overCount;
        }

        /** The first few over the budget. */
        List<Exchange> over() {
            return List.copyOf(over);
        }

        Optional<Exchange> slowest() {
            return Optional.ofNullable(slowest);
        }
    }
}
