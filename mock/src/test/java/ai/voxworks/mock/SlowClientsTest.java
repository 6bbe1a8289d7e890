package ai.voxworks.mock;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.internal.http.ServerLimits;
import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.RawHttp;
import io.github.bucket4j.TimeMeter;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A client that drips its headers is cut off; threads a burst needed go away again. */
class SlowClientsTest {

    /** The default limits, shortened so the test takes seconds. */
    private static final ServerLimits SHORT = new ServerLimits(Duration.ofSeconds(1), Duration.ofSeconds(30), 4, 64,
            Duration.ofMillis(300));

    private static MockServer start() {
        return MockServer.start(MockServerConfig.builder().port(0).rateLimit(RateLimit.off()).build(),
                TimeMeter.SYSTEM_NANOTIME, SHORT);
    }

    @Test
    void aClientDrippingItsHeadersIsCutOffAfterTheHeaderTime() throws Exception {
        try (MockServer server = start(); Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET /api/v1/get-call/call_nw_1001 HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            boolean cutOff = false;
            // One header line every 200 ms: never idle for long, never done.
            for (int i = 0; i < 50 && !cutOff; i++) {
                try {
                    out.write(("X-Drip-" + i + ": x\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    cutOff = in.read() < 0;
                } catch (SocketTimeoutException stillOpen) {
                    // Nothing yet: drip on.
                } catch (java.io.IOException reset) {
                    cutOff = true;
                }
            }
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(cutOff).as("connection closed by the server").isTrue();
            assertThat(tookMs).isBetween(1_000L, 4_000L);
        }
    }

    @Test
    void headersThatArriveInTimeAreServedOnAKeptAliveConnection() throws Exception {
        try (MockServer server = start()) {
            String request = "GET /api/v1/get-call/call_nw_1001 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + DemoData.NORTHWIND_KEY + "\r\n\r\n";
            RawHttp.Exchange exchange = RawHttp.exchange(server.port(),
                    (request + request + request).getBytes(StandardCharsets.US_ASCII), 5000);

            assertThat(exchange.responses()).extracting(RawHttp.Response::status).containsExactly(200, 200, 200);
        }
    }

    @Test
    void workerThreadsOfABurstReturnToThePoolMinimum() throws Exception {
        try (MockServer server = start()) {
            int clients = 40;
            ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> uploads = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    String id = "call_nw_8" + String.format("%03d", i);
                    uploads.add(pool.submit(() -> {
                        go.await();
                        return slowUpload(server.port(), id);
                    }));
                }
                Future<Integer> peak = pool.submit(() -> {
                    int most = 0;
                    for (int i = 0; i < 30; i++) {
                        most = Math.max(most, workerThreads());
                        Thread.sleep(20);
                    }
                    return most;
                });
                go.countDown();
                for (Future<Integer> upload : uploads) {
                    assertThat(upload.get()).isEqualTo(201);
                }
                assertThat(peak.get()).as("worker threads during the burst").isGreaterThan(SHORT.minThreads() + 10);
            } finally {
                pool.shutdownNow();
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (workerThreads() > SHORT.minThreads() + 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertThat(workerThreads()).as("worker threads after the burst").isLessThanOrEqualTo(SHORT.minThreads() + 2);
        }
    }

    /** An admin PUT whose body arrives in two halves 400 ms apart: reading it holds a worker thread. */
    private static int slowUpload(int port, String id) throws Exception {
        String body = "{\"id\":\"" + id + "\",\"team_id\":\"team_northwind\",\"status\":\"queued\"}";
        String head = "PUT /__mock/calls/" + id + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(400);
            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static int workerThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("voxworks-mock-http")).count();
    }
}
