package ai.voxworks.bench;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a test run pays for the mock: {@code MockServer.start} (bundled fixtures, port 0) in this
 * fresh JVM, the first time and then {@code LATER} more times, each server closed before the next
 * starts: {@code InProcessStart [LATER] [--javalin | --jetty]}. With {@code --javalin}, a bare Javalin
 * server (one route, as {@link BaselineServer}) instead, for reference; with {@code --jetty}, a bare
 * Jetty server with one handler and no Javalin, the floor any Javalin server starts above. Prints
 * {@code first_ms=... later_ms=[...]}.
 */
public final class InProcessStart {

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private InProcessStart() {
    }

    public static void main(String[] args) {
        int later = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String mode = args.length > 1 ? args[1] : "";
        Supplier<AutoCloseable> start = switch (mode) {
            case "--javalin" -> InProcessStart::bareJavalin;
            case "--jetty" -> InProcessStart::bareJetty;
            default -> InProcessStart::mock;
        };
        long first = time(start);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < later; i++) {
            times.add(time(start));
        }
        System.out.printf("first_ms=%d later_ms=%s%n", first, times);
    }

    private static AutoCloseable mock() {
        return MockServer.start(MockServerConfig.builder().port(0).build());
    }

    private static AutoCloseable bareJavalin() {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.routes.get("/api/v1/get-call/{call_id}", ctx -> ctx.result("{}"));
        }).start("127.0.0.1", 0);
        return app::stop;
    }

    private static AutoCloseable bareJetty() {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.write(true, ByteBuffer.wrap(EMPTY_OBJECT), callback);
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return server::stop;
    }

    /** How long {@code start} takes to return with the server listening; closing it is not counted. */
    private static long time(Supplier<AutoCloseable> start) {
        long started = System.nanoTime();
        AutoCloseable server = start.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return millis;
    }
}
