package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.internal.fixtures.FixtureLoader;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the mock's Javalin application (not started): the route table, CORS, and the one place
 * that turns failures into the spec's {@code ErrorResponse}.
 */
public final class MockApp {

    private static final Logger LOG = LoggerFactory.getLogger(MockApp.class);

    private MockApp() {
    }

    /**
     * @param config    server settings
     * @param control   the data, buckets and journal the routes serve and change
     * @param scheduler completes delayed responses
     */
    public static Javalin create(MockServerConfig config, MockControl control, ScheduledExecutorService scheduler) {
        GetCallHandler getCall = new GetCallHandler(
                new Authentication(control.store()),
                control.limiter(),
                new CallLookup(control.store()),
                new ForcedReplies(config.rateLimit()),
                new Responder(scheduler, control.journal()),
                config.latency());
        AdminRoutes admin = new AdminRoutes(control);
        byte[] spec = FixtureLoader.bundledSpec();
        byte[] docs = resource("docs.html");
        byte[] docsInit = resource("docs-init.js");
        DocsSpec docsSpec = new DocsSpec(spec);
        return Javalin.create(app -> {
            app.startup.showJavalinBanner = false;
            app.startup.showOldJavalinVersionWarning = false;
            app.http.prefer405over404 = true;
            // Bodies are small and prepared; compressing them per request would cost more than it saves.
            app.http.compressionStrategy = CompressionStrategy.NONE;
            jetty(app);
            cors(app, config);
            app.routes.get(GetCallHandler.PATH, getCall);
            app.routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(spec));
            app.routes.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(docs));
            app.routes.get("/docs/init.js", ctx -> ctx.contentType("text/javascript").result(docsInit));
            app.routes.get("/docs/openapi.json", ctx -> ctx.contentType(Responder.JSON).result(docsSpec.json()));
            app.routes.get(DocsAssets.PATH, new DocsAssets(MockApp.class.getClassLoader()));
            admin.register(app.routes);
            errors(app, control.journal());
        });
    }

    private static void errors(JavalinConfig app, RequestJournal journal) {
        app.routes.exception(Refusal.class, (e, ctx) -> Responder.write(ctx, e.reply()));
        app.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String message = status == HttpStatus.NOT_FOUND.getCode()
                    ? "No such endpoint: " + ctx.method() + " " + ctx.path()
                    : status == HttpStatus.METHOD_NOT_ALLOWED.getCode()
                    ? "Method " + ctx.method() + " is not allowed on " + ctx.path()
                    : e.getMessage();
            Responder.write(ctx, ErrorBody.reply(status, message));
            if (ctx.path().startsWith("/api/")) {
                // The get-call pipeline records what it answers; this is an API request that never reached it.
                journal.record(ctx, null);
            }
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
                    RateLimitHeaders.EXPOSED.forEach(rule::exposeHeader);
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
