package ai.voxworks.mock.http;

import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.fixtures.FixtureStore;
import io.github.bucket4j.TimeMeter;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
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

    /** Response headers a browser may read cross-origin. */
    static final String[] EXPOSED_HEADERS = {"X-RateLimit-Limit", "X-RateLimit-Remaining", "Retry-After"};

    private MockApp() {
    }

    /**
     * @param config    server settings
     * @param fixtures  the data to serve
     * @param spec      the bytes of {@code openapi.yaml}, served as they are
     * @param clock     time source of the rate limiter
     * @param scheduler completes delayed responses
     */
    public static Javalin create(MockServerConfig config, FixtureStore fixtures, byte[] spec,
                                 TimeMeter clock, ScheduledExecutorService scheduler) {
        GetCallHandler getCall = new GetCallHandler(
                new Authentication(fixtures),
                new RateLimiting(config.rateLimit(), clock),
                new CallLookup(fixtures),
                new ForcedReplies(config.rateLimit()),
                new Responder(scheduler),
                config.latency());
        return Javalin.create(app -> {
            app.startup.showJavalinBanner = false;
            app.startup.showOldJavalinVersionWarning = false;
            app.http.prefer405over404 = true;
            // Bodies are small and prepared; compressing them per request would cost more than it saves.
            app.http.compressionStrategy = CompressionStrategy.NONE;
            jetty(app);
            cors(app, config);
            routes(app, getCall, spec);
            errors(app);
        });
    }

    private static void routes(JavalinConfig app, GetCallHandler getCall, byte[] spec) {
        app.routes.get(GetCallHandler.PATH, getCall);
        app.routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(spec));
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
        app.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            if (config.corsOrigins().contains("*")) {
                rule.anyHost();
            } else {
                String first = config.corsOrigins().get(0);
                rule.allowHost(first, config.corsOrigins().subList(1, config.corsOrigins().size()).toArray(String[]::new));
            }
            for (String header : EXPOSED_HEADERS) {
                rule.exposeHeader(header);
            }
        }));
    }

    private static void jetty(JavalinConfig app) {
        // An id such as "a/b" arrives as a%2Fb: one path segment, answered 404, not rejected as ambiguous.
        app.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.DEFAULT.with(
                "voxworks-ids", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING)));
        app.jetty.modifyServletContextHandler(context -> context.getServletHandler().setDecodeAmbiguousURIs(true));
        app.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    }
}
