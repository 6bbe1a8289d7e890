package ai.voxworks.mock;

import ai.voxworks.mock.internal.fixtures.FixtureLoader;
import ai.voxworks.mock.internal.fixtures.FixtureSet;
import ai.voxworks.mock.internal.fixtures.FixtureStore;
import ai.voxworks.mock.internal.fixtures.FixtureWatcher;
import ai.voxworks.mock.internal.fixtures.LoadFailure;
import ai.voxworks.mock.internal.http.MockApp;
import ai.voxworks.mock.internal.http.MockClock;
import ai.voxworks.mock.internal.http.MockControl;
import ai.voxworks.mock.internal.http.RateLimiting;
import ai.voxworks.mock.internal.http.RedisTarget;
import ai.voxworks.mock.internal.http.ServerLimits;
import io.github.bucket4j.TimeMeter;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A running Voxworks mock server, for tests, the conformance suite and JShell.
 *
 * <pre>{@code
 * try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).build())) {
 *     String url = server.baseUrl();            // http://127.0.0.1:<free port>
 *     // GET url + "/api/v1/get-call/call_nw_1001" with "Authorization: Bearer vx_test_..."
 * }
 * }</pre>
 *
 * <p>Its data can change while it runs, as with the admin API under {@code /__mock}:
 * {@link #putCall}, {@link #removeCall}, {@link #reset}; {@link #requests} is the journal.
 *
 * <p>Calls whose fixture has a {@code timeline} move: each request gets the stage reached in the time
 * since that call's first request. {@link #advance} moves the mock's time (every timeline and every
 * rate-limit window); {@link #timelineToStage} and {@link #advanceTimeline} move one call's timeline.
 */
public final class MockServer implements AutoCloseable {

    /** How many API requests {@link #requests()} (and {@code GET /__mock/requests}) remembers. */
    public static final int JOURNAL_CAPACITY = 500;

    /** Editors save in bursts; a reload waits this long after the last change. */
    static final Duration RELOAD_DEBOUNCE = Duration.ofMillis(200);

    private final MockServerConfig config;
    private final MockControl control;
    private final Javalin app;
    private final ScheduledExecutorService scheduler;
    private final FixtureWatcher watcher;
    private final RateLimiting limiter;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MockServer(MockServerConfig config, MockControl control, Javalin app, ScheduledExecutorService scheduler,
                       FixtureWatcher watcher, RateLimiting limiter) {
        this.config = config;
        this.control = control;
        this.app = app;
        this.scheduler = scheduler;
        this.watcher = watcher;
        this.limiter = limiter;
    }

    /**
     * Loads and validates the fixtures, then starts serving. Fixtures from a directory are
     * watched: valid edits are served at once, invalid ones are logged and ignored.
     *
     * @throws InvalidFixturesException when the fixtures are invalid (nothing is left running)
     * @throws IllegalStateException    when the address cannot be bound, the directory watched or read (out
     *                                  of memory on a huge file, say), or the rate-limit store (a Redis server)
     *                                  reached; the message names which
     */
    public static MockServer start(MockServerConfig config) {
        return start(config, TimeMeter.SYSTEM_NANOTIME);
    }

    /** As {@link #start(MockServerConfig)}, with the rate limiter reading time from {@code clock} (tests). */
    static MockServer start(MockServerConfig config, TimeMeter clock) {
        return start(config, clock, ServerLimits.DEFAULT);
    }

    /** As {@link #start(MockServerConfig, TimeMeter)}, with other connection and thread limits (tests). */
    static MockServer start(MockServerConfig config, TimeMeter clock, ServerLimits limits) {
        FixtureLoader loader = new FixtureLoader();
        Supplier<FixtureSet> source = config.fixturesDir().<Supplier<FixtureSet>>map(dir -> () -> loader.load(dir))
                .orElse(FixtureLoader::bundled);
        // Loading (schema compile, parse, validate) and Jetty's start-up each take a good part of a
        // second: run them side by side. Requests that arrive first wait for the complete set.
        CompletableFuture<FixtureSet> loading = CompletableFuture.supplyAsync(source,
                r -> daemon(r, "voxworks-mock-loader").start());
        FixtureStore store = new FixtureStore(loading);
        // One time for the rate-limit windows and the timelines: advance() moves both.
        MockClock time = new MockClock(clock);
        // A shared store is connected to now, while the fixtures load: unreachable, nothing starts.
        RateLimiting limiter = rateLimiting(config, time);
        FixtureWatcher watcher;
        try {
            watcher = watch(config, loader, store);
        } catch (RuntimeException e) {
            limiter.close();
            throw e;
        }
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> daemon(r, "voxworks-mock-delays"));
        MockControl control = new MockControl(store, loader.callReader(), source,
                () -> watcher == null ? null : watcher.lastReload(), limiter, JOURNAL_CAPACITY, config.faults(), time);
        Javalin app = MockApp.create(config, control, scheduler, limits);
        Runnable undo = () -> {
            stopQuietly(app);
            scheduler.shutdownNow();
            if (watcher != null) {
                watcher.close();
            }
            limiter.close();
        };
        try {
            app.start();
        } catch (RuntimeException e) {
            undo.run();
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + rootMessage(e), e);
        }
        try {
            loading.join();
        } catch (CompletionException e) {
            undo.run();
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            // An Error (out of memory on a huge file, say): one line that says so, not a trace.
            throw new IllegalStateException("cannot load the fixtures from " + config.fixturesDir().map(Path::toString)
                    .orElse(FixtureLoader.BUNDLED) + ": " + LoadFailure.describe(e.getCause(), config.fixturesDir().orElse(null)),
                    e.getCause());
        }
        return new MockServer(config, control, app, scheduler, watcher, limiter);
    }

    /**
     * The limiter: buckets in this process, or in the configured Redis server.
     *
     * @throws IllegalStateException naming the store's URL when it cannot be reached
     */
    private static RateLimiting rateLimiting(MockServerConfig config, TimeMeter clock) {
        RateLimitStore store = config.rateLimitStore();
        if (!store.shared()) {
            return new RateLimiting(config.rateLimit(), config.rateLimitScope(), clock);
        }
        return RateLimiting.shared(config.rateLimit(), config.rateLimitScope(), new RedisTarget(store.host(), store.port(),
                store.database(), store.username(), store.password(), store.toString()), clock);
    }

    /** Watches a fixtures directory for edits; {@code null} for the bundled fixtures. */
    private static FixtureWatcher watch(MockServerConfig config, FixtureLoader loader, FixtureStore store) {
        Path dir = config.fixturesDir().orElse(null);
        if (dir == null || !Files.isDirectory(dir)) {
            return null;  // The loader reports a missing directory.
        }
        try {
            return new FixtureWatcher(dir, loader, store, RELOAD_DEBOUNCE);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot watch " + dir + ": " + rootMessage(e), e);
        }
    }

    /** The port the server listens on (the free one picked when configured with 0). */
    public int port() {
        return app.port();
    }

    /** The base URL, such as {@code http://127.0.0.1:4010}, without a trailing slash. */
    public String baseUrl() {
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    public MockServerConfig config() {
        return config;
    }

    /** The data being served now, read-only. */
    public Fixtures fixtures() {
        return new Fixtures(control.current());
    }

    /**
     * Adds a call, or replaces the call with its id, validated exactly as a fixture file is.
     * The next request sees it, and it stays in force over every hot reload of the fixtures
     * directory until {@link #reset()}.
     *
     * @param callJson the call object, as in {@code calls/<id>.json}
     * @throws InvalidFixturesException listing every problem; nothing changed
     * @throws IllegalStateException    when the rate limits are shared with other replicas
     *                                  ({@link MockServerConfig#rateLimitStore()}): the change would reach this one only
     */
    public CallSummary putCall(String callJson) {
        return control.put(callJson.getBytes(StandardCharsets.UTF_8), "call JSON", null).call().summary();
    }

    /**
     * Removes a call, over every hot reload until {@link #reset()}; {@code false} when there was none.
     *
     * @throws IllegalStateException when the rate limits are shared with other replicas
     */
    public boolean removeCall(String callId) {
        return control.remove(callId);
    }

    /**
     * Back to the start: the data as loaded from its source (a fixtures directory is read again)
     * without the calls put or removed since, every rate-limit bucket full, every timeline to start
     * again with its call's next request, no fault queued by
     * {@link #faultNext}, the fault profile's requests numbered from 0 again, the journal empty. With a shared rate-limit store the data is
     * left as the watched directory has it, and the buckets are refilled for every replica.
     *
     * @throws InvalidFixturesException when the fixtures directory is now invalid; nothing changed
     * @throws IllegalStateException    when the shared rate-limit store does not answer; nothing changed
     */
    public void reset() {
        control.reset();
    }

    /** The last API requests, newest first (at most {@link #JOURNAL_CAPACITY}). */
    public List<RecordedRequest> requests() {
        return control.requests();
    }

    /**
     * Waits until {@code done} accepts the journal ({@link #requests()}, newest first) or
     * {@code timeout} passes, and returns the journal as last read: test {@code done} on it again
     * to tell which. Woken by each request recorded, it polls nothing and returns as soon as
     * {@code done} holds.
     *
     * <pre>{@code
     * server.awaitRequests(journal -> journal.size() >= 2, Duration.ofSeconds(2));
     * }</pre>
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public List<RecordedRequest> awaitRequests(Predicate<List<RecordedRequest>> done, Duration timeout)
            throws InterruptedException {
        Objects.requireNonNull(done, "done");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        return control.awaitRequests(done, timeout);
    }

    /**
     * The next get-call requests get these faults, one each, in the order given, whatever the
     * {@link MockServerConfig#faults() profile} would draw; a request's own {@code Prefer: code=} or
     * {@code fault=} still wins (and uses up its turn). Forgotten by {@link #reset()}.
     *
     * <pre>{@code
     * server.faultNext(Fault.RESET);   // the next request is reset; a client that retries gets the call on its second
     * }</pre>
     */
    public void faultNext(Fault... faults) {
        control.faultNext(List.of(faults));
    }

    /**
     * Moves the mock's time forward by {@code by}: every moving call's timeline, and every rate-limit
     * window (a window that started a minute ago is full again after {@code advance(Duration.ofMinutes(1))}).
     * Time never goes back; a {@link #reset()} starts the timelines again but keeps the time where it is.
     *
     * <pre>{@code
     * server.advance(Duration.ofSeconds(30));   // a call first asked for 5 s ago answers its stage at 35 s
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code by} is negative or longer than 30 days
     * @throws IllegalStateException    when the rate limits are shared with other replicas, where timelines do not
     *                                  run (each moving call answers its last stage)
     */
    public void advance(Duration by) {
        control.advance(Objects.requireNonNull(by, "by"));
    }

    /**
     * The mock's time: the system clock, plus every {@link #advance}. A client that waits in it (the JUnit
     * handle's clients do) polls a long timeline at once.
     */
    public Clock clock() {
        return control.clock();
    }

    /**
     * Moves a moving call to the start of one of its stages (0 for the first), as if its first request had been
     * that long ago; the next request gets that stage.
     *
     * @return the stage it is in now
     * @throws IllegalArgumentException when there is no such call, it has no timeline, or no such stage
     * @throws IllegalStateException    when the rate limits are shared with other replicas
     */
    public int timelineToStage(String callId, int stage) {
        return control.toStage(callId, stage).stage();
    }

    /**
     * Moves a moving call's timeline forward by {@code by}; a call not yet asked for starts, as if first asked for
     * {@code by} ago.
     *
     * @return the stage it is in now
     * @throws IllegalArgumentException when there is no such call, it has no timeline, or {@code by} is negative
     * @throws IllegalStateException    when the rate limits are shared with other replicas
     */
    public int advanceTimeline(String callId, Duration by) {
        return control.forward(callId, Objects.requireNonNull(by, "by")).stage();
    }

    /** Stops listening and releases the port; safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (watcher != null) {
                watcher.close();
            }
            stopQuietly(app);
            scheduler.shutdownNow();
            limiter.close();
        }
    }

    @Override
    public String toString() {
        return "MockServer[" + (closed.get() ? "closed" : baseUrl()) + ", " + fixtures() + "]";
    }

    private static void stopQuietly(Javalin app) {
        try {
            app.stop();
        } catch (RuntimeException ignored) {
            // Already stopped or never started: either way it no longer listens.
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
