package ai.voxworks.mock.internal.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The swagger-ui files the docs page loads, from the swagger-ui webjar on the class path, read on
 * their first request and kept. A static-file handler for the webjar would cost every start of
 * the server about 0.3 s (Jetty mounts the whole jar) for a page most runs never open.
 *
 * <p>The webjar comes with the command-line app, not with the library: a test that embeds the mock
 * has no use for 3 MB of a browser UI. Without it, {@code /docs} says where the page is.
 */
final class DocsAssets implements Handler {

    static final String PATH = "/docs/swagger-ui/{version}/{file}";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.-]*");
    /** The files the page uses; nothing else in the webjar is served. */
    private static final Map<String, String> TYPES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-16x16.png", "image/png",
            "favicon-32x32.png", "image/png");

    private final ClassLoader classLoader;
    private final Map<String, byte[]> read = new ConcurrentHashMap<>();

    DocsAssets(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** Whether the webjar the docs page names ({@code version}) is on the class path. */
    boolean available(String version) {
        return classLoader.getResource(WEBJAR + version + "/swagger-ui-bundle.js") != null;
    }

    @Override
    public void handle(Context ctx) {
        String version = ctx.pathParam("version");
        String file = ctx.pathParam("file");
        String type = TYPES.get(file);
        byte[] bytes = type == null || !VERSION.matcher(version).matches()
                ? null : read.computeIfAbsent(WEBJAR + version + "/" + file, this::load);
        if (bytes == null) {
            throw new NotFoundResponse();
        }
        // The version is in the path, so a browser may keep the file for good.
        ctx.contentType(type).header("Cache-Control", "max-age=31536000, immutable").result(bytes);
    }

    /** The resource's bytes, or {@code null} (not kept) when this version is not the bundled one. */
    private byte[] load(String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
        }
    }
}
