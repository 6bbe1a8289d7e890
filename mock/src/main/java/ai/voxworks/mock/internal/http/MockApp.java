package ai.voxworks.mock.internal.http;

import ai.voxworks.client.internal.ApiKeys;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.internal.fixtures.FixtureLoader;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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
     * @param scheduler completes delayed responses and sweeps slow connections (never blocks)
     * @param limits    how long connections and threads may be held
     */
    public static Javalin create(MockServerConfig config, MockControl control, ScheduledExecutorService scheduler,
                                 ServerLimits limits) {
        spareJettyTheMBeanServer();
        GetCallHandler getCall = new GetCallHandler(
                new Authentication(control.store()),
                control.limiter(),
                new CallLookup(control.store(), control.timelines()),
                new ForcedReplies(config.rateLimit()),
                control.faults(),
                new Responder(scheduler, control.journal(),
                        new RateLimitHeaders(config.rateLimit(), config.rateLimitHeaders()), limits.dripTick()),
                config.latency());
        HostCheck hosts = new HostCheck(config.host(), config.allowedHosts());
        AdminRoutes admin = new AdminRoutes(control, hosts);
        byte[] spec = FixtureLoader.bundledSpec();
        DocsAssets docsAssets = new DocsAssets(MockApp.class.getClassLoader());
        byte[] docs = docsAssets.available(SWAGGER_UI_VERSION) ? resource("docs.html") : NO_DOCS;
        byte[] docsInit = resource("docs-init.js");
        byte[] journalPage = resource("journal.html");
        DocsSpec docsSpec = new DocsSpec(spec);
        SpecDocument specDocument = new SpecDocument(spec);
        return Javalin.create(app -> {
            app.startup.showJavalinBanner = false;
            app.startup.showOldJavalinVersionWarning = false;
            app.http.prefer405over404 = true;
            // Bodies are small and prepared; compressing them per request would cost more than it saves.
            app.http.compressionStrategy = CompressionStrategy.NONE;
            jetty(app, config, limits, scheduler);
            cors(app, config);
            app.routes.before(hosts);
            app.routes.get(GetCallHandler.PATH, getCall);
            // HEAD answers what GET would, status, headers and rate-limit accounting alike; Jetty drops the body.
            app.routes.head(GetCallHandler.PATH, getCall);
            app.routes.get("/", MockApp::index);
            app.routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(specDocument.yaml(ctx)));
            app.routes.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(docs));
            app.routes.get("/docs/init.js", ctx -> ctx.contentType("text/javascript").result(docsInit));
            app.routes.get("/docs/openapi.json", ctx -> ctx.contentType(Responder.JSON).result(docsSpec.json()));
            app.routes.get(DocsAssets.PATH, docsAssets);
            admin.register(app.routes);
            app.routes.get(AdminRoutes.PREFIX, ctx -> ctx.contentType("text/html; charset=utf-8").result(journalPage));
            errors(app, control);
        });
    }

    /** {@code GET /}: a browser goes to the docs; anything else gets what is served here, as JSON. */
    private static void index(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/html")) {
            ctx.redirect("/docs");
            return;
        }
        ctx.contentType(Responder.JSON).result(INDEX);
    }

    /** The swagger-ui version docs.html loads, as the build wrote it into version.properties. */
    private static final String SWAGGER_UI_VERSION = resourceText("version.properties").lines()
            .filter(l -> l.startsWith("swagger-ui=")).map(l -> l.substring("swagger-ui=".length()).strip())
            .findFirst().orElse("");

    private static final byte[] NO_DOCS = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Voxworks API reference (mock server)</title></head><body style=\"font-family:sans-serif\">"
            + "<h1>Voxworks mock server</h1><p>The API reference page comes with the command line "
            + "(<code>java -jar voxworks-mock-server.jar</code>); this mock runs embedded, without it. "
            + "The contract is at <a href=\"/openapi.yaml\">/openapi.yaml</a>, the requests received at "
            + "<a href=\"/__mock\">/__mock</a>.</p></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static final byte[] INDEX = ("{\"service\":\"Voxworks mock server\",\"endpoints\":{"
            + "\"GET /api/v1/get-call/{call_id}\":\"the API (Authorization: Bearer <demo key>)\","
            + "\"GET /openapi.yaml\":\"the contract\","
            + "\"GET /docs\":\"the API reference, with Try it out\","
            + "\"GET /__mock\":\"the requests received, as a page\","
            + "\"GET /__mock/requests\":\"the same, as JSON\","
            + "\"GET /__mock/health\":\"data source, counts, last reload\","
            + "\"GET /__mock/calls\":\"every call: id, team, status\","
            + "\"PUT /__mock/calls/{id}\":\"add or replace a call\","
            + "\"DELETE /__mock/calls/{id}\":\"remove a call\","
            + "\"GET /__mock/calls/{id}/timeline\":\"a moving call's stages, and which one it is in\","
            + "\"POST /__mock/calls/{id}/timeline\":\"move it: {\\\"stage\\\":2} or {\\\"forward\\\":\\\"10s\\\"}\","
            + "\"POST /__mock/advance\":\"move the mock's time, every window and timeline: {\\\"by\\\":\\\"30s\\\"}\","
            + "\"POST /__mock/reset\":\"data, rate limits, timelines and journal back to the start\"}}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static void errors(JavalinConfig app, MockControl control) {
        app.routes.exception(Refusal.class, (e, ctx) -> Responder.write(ctx, e.reply()));
        app.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String message = status == HttpStatus.NOT_FOUND.getCode()
                    ? "No such endpoint: " + ctx.method() + " " + ctx.path()
                    : status == HttpStatus.METHOD_NOT_ALLOWED.getCode()
                    ? "Method " + ctx.method() + " is not allowed on " + ctx.path()
                    : e.getMessage();
            Reply reply = ErrorBody.reply(status, message);
            Object allowed = status == HttpStatus.METHOD_NOT_ALLOWED.getCode() ? e.getDetails().get("availableMethods") : null;
            Responder.write(ctx, allowed == null ? reply : reply.withHeaders(Map.of("Allow", allowed.toString())));
            if (ctx.path().startsWith("/api/")) {
                // The get-call pipeline records what it answers; this is an API request that never reached it.
                control.journal().record(ctx, null);
            }
        });
        app.routes.exception(Exception.class, (e, ctx) -> {
            if (endedEarly(e)) {
                // The client's fault, not ours: nothing to log, nothing to trace.
                Responder.write(ctx, ErrorBody.reply(400, "The request body ended before its Content-Length"));
                return;
            }
            // One line, keys masked: a log is no place for a configured key, even a path that carries one.
            LOG.error("Unexpected failure on {}", ApiKeys.redact(ctx.method() + " " + ctx.path() + ": " + e,
                    control.current().teamsByKey().keySet()));
            LOG.debug("Unexpected failure", e);
            Responder.write(ctx, ForcedReplies.SERVER_ERROR);
        });
    }

    private static boolean endedEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EofException) {
                return true;
            }
        }
        return false;
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

    private static void jetty(JavalinConfig app, MockServerConfig config, ServerLimits limits,
                              ScheduledExecutorService scheduler) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), limits.minThreads(),
                (int) limits.threadIdleTime().toMillis());
        threads.setName("voxworks-mock-http");
        // Jetty lets one idle thread go per idle period by default: after a burst of 60, that is
        // an hour. All idle threads past the minimum may go each period instead.
        threads.setMaxEvictCount(limits.maxThreads());
        app.jetty.threadPool = threads;
        SlowHeaders slowHeaders = new SlowHeaders(limits.headerTime(), scheduler);
        app.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(config.host());
            connector.setPort(config.port());
            connector.setIdleTimeout(limits.idleTime().toMillis());
            connector.addEventListener(slowHeaders);
            return connector;
        });
        // An id such as "a/b" arrives as a%2Fb: one path segment, answered 404, not rejected as ambiguous.
        app.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.DEFAULT.with(
                "voxworks-ids", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING)));
        app.jetty.modifyServletContextHandler(context -> context.getServletHandler().setDecodeAmbiguousURIs(true));
        app.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    }

    /**
     * Jetty sizes its padding by asking the platform MBean server whether references are
     * compressed, unless this property says what to use; starting the MBean server is about a
     * tenth of a first start. Jetty's own arithmetic (a cache line over the size of a reference),
     * with the reference size the JVM reports, gives the value Jetty would find. A value set
     * before is kept.
     */
    private static void spareJettyTheMBeanServer() {
        String property = "org.eclipse.jetty.util.referencesPerCacheLine";
        if (System.getProperty(property) == null) {
            int reference;
            try {
                reference = Class.forName("sun.misc.Unsafe").getField("ARRAY_OBJECT_INDEX_SCALE").getInt(null);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return;  // Jetty finds out for itself
            }
            System.setProperty(property, String.valueOf(Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64) / reference));
        }
    }

    private static String resourceText(String name) {
        return new String(resource(name), java.nio.charset.StandardCharsets.UTF_8);
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
