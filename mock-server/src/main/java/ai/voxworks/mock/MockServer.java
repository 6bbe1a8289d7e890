package ai.voxworks.mock;

import ai.voxworks.mock.fixtures.FixtureException;
import ai.voxworks.mock.fixtures.FixtureLoader;
import ai.voxworks.mock.fixtures.FixtureSet;
import ai.voxworks.mock.fixtures.FixtureStore;
import ai.voxworks.mock.fixtures.FixtureWatcher;
import ai.voxworks.mock.http.MockApp;
import ai.voxworks.mock.http.RequestJournal;
import io.github.bucket4j.TimeMeter;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
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
 */
public final class MockServer implements AutoCloseable {

    /** Editors save in bursts; a reload waits this long after the last change. */
    static final Duration RELOAD_DEBOUNCE = Duration.ofMillis(200);

    /** How many API requests {@code GET /__mock/requests} remembers. */
    public static final int JOURNAL_CAPACITY = 500;

    private final MockServerConfig config;
    private final FixtureStore fixtures;
    private final Javalin app;
    private final ScheduledExecutorService scheduler;
    private final FixtureWatcher watcher;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MockServer(MockServerConfig config, FixtureStore fixtures, Javalin app, ScheduledExecutorService scheduler,
                       FixtureWatcher watcher) {
        this.config = config;
        this.fixtures = fixtures;
        this.app = app;
        this.scheduler = scheduler;
        this.watcher = watcher;
    }

    /**
     * Loads and validates the fixtures, then starts serving. Fixtures from a directory are
     * watched: valid edits are served at once, invalid ones are logged and ignored.
     *
     * @throws FixtureException      when the fixtures are invalid (nothing is started)
     * @throws IllegalStateException when the server cannot bind its address
     */
    public static MockServer start(MockServerConfig config) {
        return start(config, TimeMeter.SYSTEM_NANOTIME);
    }

    /** As {@link #start(MockServerConfig)}, with the rate limiter reading time from {@code clock} (for tests). */
    public static MockServer start(MockServerConfig config, TimeMeter clock) {
        FixtureLoader loader = new FixtureLoader();
        Supplier<FixtureSet> load = () -> config.fixturesDir().map(loader::load).orElseGet(loader::loadBundled);
        // Loading (schema compile, parse, validate) and Jetty's start-up each take a good part of a
        // second: run them side by side. Requests that arrive first wait for the complete set.
        CompletableFuture<FixtureSet> loading = new CompletableFuture<>();
        Thread loaderThread = new Thread(() -> {
            try {
                loading.complete(load.get());
            } catch (Throwable t) {
                loading.completeExceptionally(t);
            }
        }, "voxworks-mock-loader");
        loaderThread.setDaemon(true);
        loaderThread.start();
        FixtureStore store = new FixtureStore(loading);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("voxworks-mock-scheduler"));
        FixtureWatcher watcher = null;
        Javalin app = null;
        try {
            if (config.fixturesDir().isPresent() && Files.isDirectory(config.fixturesDir().get())) {
                watcher = new FixtureWatcher(config.fixturesDir().get(), loader, store, scheduler, RELOAD_DEBOUNCE);
            }
            FixtureWatcher w = watcher;
            app = MockApp.create(new MockApp.Parts(config, store, loader, load, () -> w == null ? null : w.lastReload(),
                    bundledSpec(), clock, scheduler, new RequestJournal(JOURNAL_CAPACITY)));
            app.start(config.host(), config.port());
            store.current();
            return new MockServer(config, store, app, scheduler, watcher);
        } catch (IOException | RuntimeException e) {
            scheduler.shutdownNow();
            if (watcher != null) {
                watcher.close();
            }
            if (app != null) {
                stopQuietly(app);
            }
            FixtureException invalid = fixtureFailure(loading);
            if (invalid != null) {
                throw invalid;
            }
            String what = watcher == null && config.fixturesDir().isPresent()
                    ? "cannot watch " + config.fixturesDir().get()
                    : "cannot listen on " + config.host() + ":" + config.port();
            throw new IllegalStateException(what + ": " + rootMessage(e), e);
        }
    }

    /** The fixtures' own failure, if loading them is what failed (waits for the loader to finish). */
    private static FixtureException fixtureFailure(CompletableFuture<FixtureSet> loading) {
        try {
            loading.join();
            return null;
        } catch (CompletionException e) {
            if (e.getCause() instanceof FixtureException invalid) {
                return invalid;
            }
            if (e.getCause() instanceof RuntimeException other) {
                throw other;
            }
            throw e;
        }
    }

    /** The bytes of the bundled {@code openapi.yaml}, the contract this server implements. */
    public static byte[] bundledSpec() {
        String name = FixtureLoader.BUNDLED_ROOT + "/openapi.yaml";
        try (InputStream in = MockServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + name, e);
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

    /** The fixtures being served now. */
    public FixtureSet fixtures() {
        return fixtures.current();
    }

    public MockServerConfig config() {
        return config;
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
        }
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

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
