package ai.voxworks.bench;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test run pays: {@code MockServer.start} (bundled fixtures, port 0) in this fresh JVM, the
 * first time and then {@code LATER} more times, each server closed before the next starts:
 * {@code InProcessStart [LATER]}. Prints {@code first_ms=... later_ms=[...]}.
 */
public final class InProcessStart {

    private InProcessStart() {
    }

    public static void main(String[] args) {
        int later = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        MockServerConfig config = MockServerConfig.builder().port(0).build();
        long first = timeStart(config);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < later; i++) {
            times.add(timeStart(config));
        }
        System.out.printf("first_ms=%d later_ms=%s%n", first, times);
    }

    private static long timeStart(MockServerConfig config) {
        long started = System.nanoTime();
        MockServer server = MockServer.start(config);
        long millis = (System.nanoTime() - started) / 1_000_000;
        server.close();
        return millis;
    }
}
