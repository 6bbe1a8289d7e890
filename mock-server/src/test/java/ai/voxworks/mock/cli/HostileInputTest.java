package ai.voxworks.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.RawHttp;
import ai.voxworks.mock.testing.TestHttp;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mock as its own process under a stream of malformed requests over raw sockets: each gets a
 * JSON error or a clean close, no stack trace reaches a body or the log, no configured key
 * reaches the log, and the server answers correctly afterwards. And under a fixture file too large
 * for its heap: the data served stays, and health and the log say why in a line.
 */
class HostileInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] KEYS = {DemoData.NORTHWIND_KEY, DemoData.NORTHWIND_SECOND_KEY, DemoData.BLUEBIRD_KEY};

    @Test
    void aThousandMalformedRequestsGetJsonErrorsOrACleanCloseAndNoStackTrace() throws Exception {
        try (ServerProcess server = ServerProcess.fromClassPath("--port", "0", "--rate-limit", "off")) {
            int port = portOf(server.awaitUrl());
            List<byte[]> corpus = HostileRequests.generate(1_200, 20261125L);
            List<String> defects = send(port, corpus);

            assertThat(defects).as("requests answered with something other than JSON or a clean close").isEmpty();
            assertThat(new TestHttp("http://127.0.0.1:" + port).getCall("call_nw_1001", DemoData.NORTHWIND_KEY).body())
                    .startsWith("{\"success\":true,\"call\":{\"id\":\"call_nw_1001\"");
            assertThat(server.terminate()).isEqualTo(143);
            assertThat(server.output()).doesNotContain("\tat ", "Exception", "Caused by");
        }
    }

    @Test
    void noConfiguredKeyReachesTheLogFromAnyHeaderOrTheRequestLine() throws Exception {
        try (ServerProcess server = ServerProcess.fromClassPath("--port", "0", "--rate-limit", "off")) {
            int port = portOf(server.awaitUrl());
            List<byte[]> requests = new ArrayList<>();
            for (String key : KEYS) {
                for (String header : List.of("Host", "Authorization", "Content-Type", "Content-Length", "Transfer-Encoding",
                        "Connection", "Expect", "TE", "Upgrade", "Cookie", "Origin", "Referer", "User-Agent", "Accept",
                        "Accept-Encoding", "Range", "If-Modified-Since", "If-None-Match", "Prefer", "Forwarded",
                        "X-Forwarded-For", "Proxy-Authorization", "Content-Encoding", "Trailer", "Max-Forwards", "Via")) {
                    for (String value : List.of(key, "x:" + key, key + ":1", "\u0001" + key, "Bearer " + key + " x", key + "\u00ff")) {
                        requests.add(("GET /api/v1/get-call/call_nw_1001 HTTP/1.1\r\nHost: localhost\r\n" + header + ": "
                                + value + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
                requests.add((key + " / HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                requests.add(("GET /" + key + " " + key + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                requests.add(("GET /api/v1/get-call/" + key + "%zz HTTP/1.1\r\nHost: " + key + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            send(port, requests);
            server.terminate();

            // The banner prints the demo keys on purpose; nothing after it may.
            String output = server.output();
            String end = "Press Ctrl+C to stop.";
            assertThat(output).contains(end);
            String log = output.substring(output.indexOf(end) + end.length());
            for (String key : KEYS) {
                assertThat(log).as("what the server logged after its banner").doesNotContain(key);
            }
        }
    }

    @Test
    void aFixtureFileTooLargeForTheHeapKeepsTheDataServedAndHealthSaysWhy(@TempDir Path dir) throws Exception {
        DemoData.copyTo(dir);
        try (ServerProcess server = ServerProcess.fromClassPath(SMALL_HEAP, "--port", "0", "--fixtures", dir.toString())) {
            TestHttp http = new TestHttp(server.awaitUrl());
            String before = http.getCall("call_nw_1001", DemoData.NORTHWIND_KEY).body();

            sparseFile(dir.resolve("calls/call_nw_9999.json"), 512);
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/__mock/health").body().contains("degraded"));

            JsonNode health = JSON.readTree(http.get("/__mock/health").body());
            assertThat(health.at("/last_reload/problems/0/reason").asString()).contains("out of memory while loading",
                    "OutOfMemoryError", "the largest file is " + dir.resolve("calls/call_nw_9999.json") + " (512 MB)");
            assertThat(http.getCall("call_nw_1001", DemoData.NORTHWIND_KEY).body()).isEqualTo(before);
            // And it recovers once the file is gone.
            Files.delete(dir.resolve("calls/call_nw_9999.json"));
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/__mock/health").body().contains("\"status\":\"ok\""));
            server.terminate();
            String log = server.output();
            assertThat(log.lines().filter(l -> l.contains("Kept the previous fixtures"))).singleElement()
                    .satisfies(line -> assertThat(line).contains("out of memory while loading", "call_nw_9999.json"));
            assertThat(log).doesNotContain("\tat ", "Caused by");
        }
    }

    @Test
    void aFixtureFileTooLargeForTheHeapAtStartIsOneLineAndStatus1(@TempDir Path dir) throws Exception {
        DemoData.copyTo(dir);
        sparseFile(dir.resolve("calls/call_nw_9999.json"), 512);
        try (ServerProcess server = ServerProcess.fromClassPath(SMALL_HEAP, "--port", "0", "--fixtures", dir.toString())) {
            assertThat(server.awaitExit()).isEqualTo(1);
            assertThat(server.output().strip().lines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("voxworks-mock-server: cannot start: cannot load the fixtures from " + dir + ": out of memory")
                    .contains("call_nw_9999.json (512 MB)"));
        }
    }

    /** A heap a 512 MB fixture file cannot fit in, and the mock does. */
    private static final List<String> SMALL_HEAP = List.of("-Xmx128m");

    /** A file of {@code megabytes} zeros that takes no disk space. */
    private static void sparseFile(Path file, int megabytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength((long) megabytes << 20);
        }
    }

    /** Sends each request on its own connection, eight at a time; returns what was wrong with the answers. */
    private static List<String> send(int port, List<byte[]> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> checks = new ArrayList<>();
            for (byte[] request : requests) {
                checks.add(pool.submit(() -> check(request, RawHttp.exchange(port, request, 5_000))));
            }
            List<String> defects = new ArrayList<>();
            for (Future<String> check : checks) {
                String defect = check.get();
                if (defect != null) {
                    defects.add(defect);
                }
            }
            return defects;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What is wrong with this exchange, or {@code null}. */
    private static String check(byte[] request, RawHttp.Exchange exchange) {
        String what = printable(request);
        if (!exchange.closed()) {
            return what + ": neither answered nor closed within 5 s";
        }
        if (!exchange.unparsed().isEmpty()) {
            return what + ": not HTTP after the responses: " + printable(exchange.unparsed().getBytes(StandardCharsets.ISO_8859_1));
        }
        for (RawHttp.Response response : exchange.responses()) {
            boolean head = what.startsWith("HEAD");
            boolean emptyOk = response.status() < 200 || head || response.status() == 204
                    || what.startsWith("OPTIONS") && response.status() < 300;
            if (emptyOk && response.body().length == 0) {
                continue;
            }
            if (!"application/json".equals(response.header("Content-Type"))) {
                return what + ": " + response.status() + " with Content-Type " + response.header("Content-Type");
            }
            try {
                JSON.readTree(response.body());
            } catch (JacksonException e) {
                return what + ": " + response.status() + " body is not JSON: " + response.text();
            }
            if (response.text().contains("Exception") || response.text().contains("\tat ")) {
                return what + ": a stack trace in the body: " + response.text();
            }
        }
        return null;
    }

    private static String printable(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 160), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", "·");
    }

    private static int portOf(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }
}
