package ai.voxworks.mock.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no client library would send: the bytes go out as
 * written, the client then half-closes, and every response that comes back is parsed.
 */
public final class RawHttp {

    /** One response: status, headers (names lower-cased, last one wins) and body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What came back on one connection: the responses, in order, and whether the server closed it in time. */
    public record Exchange(List<Response> responses, boolean closed, String unparsed) {
        public Response only() {
            if (responses.size() != 1) {
                throw new AssertionError("expected one response, got " + responses.size() + ": " + this);
            }
            return responses.get(0);
        }
    }

    /** How a connection ended: the server closed it in order, reset it (TCP RST), or it stayed open past the timeout. */
    public enum End { CLOSED, RESET, OPEN }

    /** Every byte one connection brought, and how it ended. */
    public record Received(byte[] bytes, End end) {
        public String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        /** The bytes after the blank line that ends the headers; all of them when there is none. */
        public byte[] body() {
            int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            return end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        }
    }

    private RawHttp() {
    }

    /**
     * Writes {@code request} and reads every byte until the server closes or resets the connection,
     * or {@code timeoutMs} passes in all: what curl would see, told apart.
     */
    public static Received receive(int port, String request, int timeoutMs) {
        long until = System.nanoTime() + timeoutMs * 1_000_000L;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                int left = (int) ((until - System.nanoTime()) / 1_000_000);
                if (left <= 0) {
                    return new Received(received.toByteArray(), End.OPEN);
                }
                socket.setSoTimeout(left);
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    return new Received(received.toByteArray(), End.OPEN);
                } catch (java.net.SocketException e) {
                    if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
                        return new Received(received.toByteArray(), End.RESET);
                    }
                    throw e;
                }
                if (n < 0) {
                    return new Received(received.toByteArray(), End.CLOSED);
                }
                received.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Response send(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), 5000).only();
    }

    /** Writes {@code request}, half-closes, and reads until the server closes or {@code timeoutMs} passes. */
    public static Exchange exchange(int port, byte[] request, int timeoutMs) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException serverClosedFirst) {
                // The server may answer and close before it has read everything: read what it said.
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean closed = true;
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (IOException reset) {
                // A reset after the response is still a close.
            }
            return parse(received.toByteArray(), closed, new String(request, 0, Math.min(request.length, 8),
                    StandardCharsets.ISO_8859_1).startsWith("HEAD"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Exchange parse(byte[] data, boolean closed, boolean head) {
        List<Response> responses = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            int end = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (end < 0) {
                break;
            }
            String[] lines = new String(data, at, end - at, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
                break;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            int bodyStart = end + 4;
            // A HEAD response has no body, unless the server could not read the request as HEAD at all.
            boolean bodiless = head && (bodyStart == data.length || startsWith(data, bodyStart, "HTTP/"));
            int length = bodiless ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
            if (bodyStart + length > data.length) {
                break;
            }
            byte[] body = new byte[length];
            System.arraycopy(data, bodyStart, body, 0, length);
            responses.add(new Response(Integer.parseInt(statusLine[1]), headers, body));
            at = bodyStart + length;
        }
        return new Exchange(responses, closed, new String(data, at, data.length - at, StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] data, int at, String prefix) {
        return indexOf(data, prefix.getBytes(StandardCharsets.ISO_8859_1), at) == at;
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
