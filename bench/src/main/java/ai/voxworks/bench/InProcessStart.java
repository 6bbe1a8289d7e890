package ai.voxworks.bench;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a test run pays for the mock: {@code MockServer.start} (bundled fixtures, port 0) in this
 * fresh JVM, the first time and then {@code LATER} more times, each server closed before the next
 * starts: {@code InProcessStart [LATER] [--javalin]}. With {@code --javalin}, a bare Javalin server
 * (one route, as {@link BaselineServer}) instead, for reference. Prints
 * {@code first_ms=... later_ms=[...]}.
 */
public final class InProcessStart {

    private InProcessStart() {
    }

    public static void main(String[] args) {
        int later = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean javalin = args.length > 1 && args[1].equals("--javalin");
        Supplier<AutoCloseable> start = javalin ? InProcessStart::bareJavalin : InProcessStart::mock;
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
