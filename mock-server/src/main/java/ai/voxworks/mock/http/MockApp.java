package ai.voxworks.mock.http;

import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.fixtures.FixtureLoader;
import ai.voxworks.mock.fixtures.FixtureSet;
import ai.voxworks.mock.fixtures.FixtureStore;
import ai.voxworks.mock.fixtures.FixtureWatcher;
import io.github.bucket4j.TimeMeter;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the mock's Javalin application (not started): the route table, CORS, the request
 * journal, and the one place that turns failures into the spec's {@code ErrorResponse}.
 */
public final class MockApp {

    /**
     * What the application is made of.
     *
     * @param config       server settings
     * @param fixtures     the data being served
     * @param loader       validates calls sent to the admin API
     * @param reload       loads the fixtures again from their source ({@code POST /__mock/reset})
     * @param reloadStatus how the last hot reload went, or {@code null}
     * @param spec         the bytes of {@code openapi.yaml}, served as they are
     * @param clock        time source of the rate limiter
     * @param scheduler    completes delayed responses
     * @param journal      keeps the last API requests
     */
    public record Parts(MockServerConfig config, FixtureStore fixtures, FixtureLoader loader,
                        Supplier<FixtureSet> reload, Supplier<FixtureWatcher.Status> reloadStatus, byte[] spec,
                        TimeMeter clock, ScheduledExecutorService scheduler, RequestJournal journal) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(MockApp.class);

    /** Response headers a browser may read cross-origin. */
    static final String[] EXPOSED_HEADERS = {"X-RateLimit-Limit", "X-RateLimit-Remaining", "Retry-After"};

    private MockApp() {
    }

    public static Javalin create(Parts parts) {
        MockServerConfig config = parts.config();
        RateLimiting rateLimiting = new RateLimiting(config.rateLimit(), parts.clock());
        GetCallHandler getCall = new GetCallHandler(
                new Authentication(parts.fixtures()),
                rateLimiting,
                new CallLookup(parts.fixtures()),
                new ForcedReplies(config.rateLimit()),
                new Responder(parts.scheduler()),
                config.latency());
        AdminRoutes admin = new AdminRoutes(parts.fixtures(), parts.loader(), parts.reload(), parts.reloadStatus(),
                rateLimiting, parts.journal());
        byte[] docs = resource("docs.html");
        byte[] docsInit = resource("docs-init.js");
        DocsSpec docsSpec = new DocsSpec(parts.spec());
        return Javalin.create(app -> {
            app.startup.showJavalinBanner = false;
            app.startup.showOldJavalinVersionWarning = false;
            app.http.prefer405over404 = true;
            // Bodies are small and prepared; compressing them per request would cost more than it saves.
            app.http.compressionStrategy = CompressionStrategy.NONE;
            app.requestLogger.http((ctx, ms) -> journal(parts.journal(), ctx, ms));
            jetty(app);
            cors(app, config);
            app.routes.get(GetCallHandler.PATH, getCall);
            app.routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(parts.spec()));
            app.routes.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(docs));
            app.routes.get("/docs/init.js", ctx -> ctx.contentType("text/javascript").result(docsInit));
            app.routes.get("/docs/openapi.json", ctx -> ctx.contentType(Responder.JSON).result(docsSpec.json()));
            app.routes.get(DocsAssets.PATH, new DocsAssets(MockApp.class.getClassLoader()));
            admin.register(app.routes);
            errors(app);
        });
    }

    private static void journal(RequestJournal journal, Context ctx, Float ms) {
        String path = ctx.path();
        if (!path.startsWith("/api/")) {
            return;
        }
        Caller caller = ctx.attribute(GetCallHandler.CALLER);
        journal.record(new RequestJournal.Entry(Instant.now(), ctx.method().name(), path, ctx.statusCode(),
                caller == null ? null : caller.team().id(),
                caller == null ? null : Secrets.mask(caller.apiKey()),
                ms == null ? 0 : ms));
    }

    private static void errors(JavalinConfig app) {
        app.routes.exception(ApiError.class, (e, ctx) -> Responder.write(ctx, e.reply()));
        app.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String message = status == HttpStatus.NOT_FOUND.getCode()
                    ? "No such endpoint: " + ctx.method() + " " + ctx.path()
                    : status == HttpStatus.METHOD_NOT_ALLOWED.getCode()
                    ? "Method " + ctx.method() + " is not allowed on " + ctx.path()
                    : e.getMessage();
            Responder.write(ctx, ErrorBody.reply(status, message));
        });
        app.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            Responder.write(ctx, ForcedReplies.SERVER_ERROR);
        });
    }

    private static void cors(JavalinConfig app, MockServerConfig config) {
        // The API and the spec only: the admin routes must stay out of reach of web pages.
        app.bundledPlugins.enableCors(cors -> {
            for (String path : new String[] {"/api/*", "/openapi.yaml"}) {
                cors.addRule(rule -> {
                    rule.path = path;
                    if (config.corsOrigins().contains("*")) {
                        rule.anyHost();
                    } else {
                        rule.allowHost(config.corsOrigins().get(0),
                                config.corsOrigins().subList(1, config.corsOrigins().size()).toArray(String[]::new));
                    }
                    for (String header : EXPOSED_HEADERS) {
                        rule.exposeHeader(header);
                    }
                });
            }
        });
    }

    private static void jetty(JavalinConfig app) {
        // An id such as "a/b" arrives as a%2Fb: one path segment, answered 404, not rejected as ambiguous.
        app.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.DEFAULT.with(
                "voxworks-ids", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING)));
        app.jetty.modifyServletContextHandler(context -> context.getServletHandler().setDecodeAmbiguousURIs(true));
        app.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    }

    private static byte[] resource(String name) {
        try (InputStream in = MockApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
