package ai.voxworks.mock.cli;

import ai.voxworks.mock.testing.DemoData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates malformed HTTP/1.1 requests: mangled request lines, odd versions, bad encodings,
 * control bytes, oversized and malformed headers, duplicate and odd {@code Authorization}
 * headers, bad bodies and pipelines. Deterministic for a seed, so a failure can be replayed.
 */
final class HostileRequests {

    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE",
        "CONNECT", "BREW", "get", "G ET", "", "GET\u0000", "\u00ffGET"};
    private static final String[] TARGETS = {"/api/v1/get-call/call_nw_1001", "/api/v1/get-call/%zz",
        "/api/v1/get-call/%00", "/api/v1/get-call/%C0%AE%C0%AE", "/api/v1/get-call/\u00ff\u00fe", "*",
        "http://evil.example/api/v1/get-call/x", "//api//v1", "/api/v1/get-call/a b", "", "/..%2f..%2fetc/passwd",
        "/api/v1/get-call/\u0001\u007f", "/api/v1/get-call/call_nw_1001?x=%", "/api/v1/get-call/" + "a".repeat(9000),
        "/api/v1/get-call/%2e%2e", "/%E2%82", "/api/v1/get-call/call_nw_1001#frag", "?", "/api/v1/get-call/\t"};
    private static final String[] VERSIONS = {"HTTP/1.1", "HTTP/1.0", "HTTP/0.9", "HTTP/2.0", "HTTP/1.2", "HTTP/11",
        "http/1.1", "HTTP/1.1 extra", "", "HTTP/1.1\u0000", "HTTP/9.9", "HTTPS/1.1"};
    private static final String[] HEADERS = {
        "Authorization: Bearer " + DemoData.NORTHWIND_KEY + "\r\nAuthorization: Bearer " + DemoData.BLUEBIRD_KEY,
        "Authorization: Bearer",
        "Authorization: Bearer  \t " + DemoData.NORTHWIND_KEY + " extra",
        "Authorization:Bearer\t" + DemoData.NORTHWIND_KEY,
        "Authorization: Bearer " + DemoData.NORTHWIND_KEY + "\r\n continued",
        "Authorization: Basic \u00ff\u00fe\u0001",
        "Authorization: " + "B".repeat(9000),
        "Authorization",
        ": no-name",
        "Bad Name: x",
        "X-Control: a\u0000b\u0007c",
        "X-Bytes: \u00c3\u0028\u00a0\u00a1",
        "X-Big: " + "x".repeat(20_000),
        "Host:",
        "Host: a\r\nHost: b",
        "Host: localhost:99999",
        "Host: [::1",
        "Host: " + DemoData.NORTHWIND_KEY + ":port",
        "Content-Length: -1",
        "Content-Length: abc",
        "Content-Length: 99999999999999999999",
        "Content-Length: 5\r\nContent-Length: 6",
        "Content-Length: 100",
        "Transfer-Encoding: chunked",
        "Transfer-Encoding: chunked\r\nContent-Length: 4",
        "Transfer-Encoding: gzip, chunked",
        "Transfer-Encoding: bogus",
        "Expect: 100-continue\r\nContent-Length: 10",
        "Expect: teapot",
        "Upgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAAQAAP__",
        "Upgrade: websocket\r\nConnection: Upgrade",
        "Connection: close, keep-alive, \u0001",
        "Prefer: code=\u0000",
        "Prefer: delay=-5, code=abc",
        "Range: bytes=999-1",
        "Cookie: " + "c=1; ".repeat(2000),
        "Origin: null",
        "Te: trailers\r\nTrailer: X",
    };
    private static final String[] BODIES = {"", "{\"id\":", "0\r\n\r\n", "zz\r\nhello\r\n0\r\n\r\n",
        "5\r\nab", "\u0000\u0001\u0002", "x".repeat(5000)};

    private HostileRequests() {
    }

    /** {@code count} requests, some of them several pipelined on one connection. */
    static List<byte[]> generate(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream connection = new ByteArrayOutputStream();
            int pipelined = random.nextInt(10) == 0 ? 2 + random.nextInt(3) : 1;
            for (int p = 0; p < pipelined; p++) {
                connection.writeBytes(one(random, i));
            }
            requests.add(connection.toByteArray());
        }
        return requests;
    }

    private static byte[] one(Random random, int index) {
        // Most requests break one thing, so each rule is reached on its own; some break several.
        String method = random.nextInt(3) == 0 ? pick(random, METHODS) : "GET";
        String target = random.nextInt(3) == 0 ? pick(random, TARGETS) : "/api/v1/get-call/call_nw_100" + (index % 7);
        String version = random.nextInt(4) == 0 ? pick(random, VERSIONS) : "HTTP/1.1";
        StringBuilder request = new StringBuilder();
        request.append(method).append(random.nextInt(20) == 0 ? "\t" : " ").append(target);
        if (!version.isEmpty()) {
            request.append(' ').append(version);
        }
        request.append(random.nextInt(20) == 0 ? "\n" : "\r\n");
        request.append("Host: localhost\r\n");
        if (random.nextBoolean()) {
            request.append("Authorization: Bearer ").append(DemoData.NORTHWIND_KEY).append("\r\n");
        }
        int headers = random.nextInt(4);
        for (int h = 0; h < headers; h++) {
            request.append(pick(random, HEADERS)).append("\r\n");
        }
        request.append("\r\n");
        if (random.nextInt(3) == 0) {
            request.append(pick(random, BODIES));
        }
        // Latin-1 keeps every char as the one byte it stands for, so control and high bytes go out raw.
        return request.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
