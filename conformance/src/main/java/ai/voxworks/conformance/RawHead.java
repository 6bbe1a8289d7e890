package ai.voxworks.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * {@code HEAD} over a plain (or TLS) socket, read byte for byte. An HTTP client reads no body after
 * a HEAD, whatever the server sends, so only a socket sees a server that answers HEAD with a body.
 * The request says {@code Connection: close}; the body is what arrives after the header block
 * until the server closes, or until it is quiet for {@link #QUIET}.
 */
final class RawHead {

    /** How long after the headers silence means no body is coming (a server may ignore {@code Connection: close}). */
    static final Duration QUIET = Duration.ofMillis(500);
    private static final int MAX_HEADERS = 64 * 1024;
    private static final int MAX_BODY = 1024 * 1024;

    /**
     * The status, the headers in order, whatever bytes followed them, and how long was spent
     * listening for those bytes after the headers (not the server's response time).
     */
    record Response(int status, List<Map.Entry<String, String>> headers, byte[] body, Duration listened) {
    }

    private RawHead() {
    }

    static Response send(URI url, String authorization, Duration timeout) throws IOException {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        String host = url.getHost();
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        int millis = (int) Math.max(1, timeout.toMillis());
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(bareHost, port), millis);
            socket.setSoTimeout(millis);
            if (tls) {
                SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(socket, bareHost, port, true);
                SSLParameters parameters = secure.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(parameters);
                secure.startHandshake();
                socket = secure;
            }
            StringBuilder request = new StringBuilder("HEAD ").append(url.getRawPath()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(url.getPort() != -1 ? ":" + port : "").append("\r\n")
                    .append("Accept: */*\r\n").append("Connection: close\r\n");
            if (authorization != null) {
                request.append("Authorization: ").append(authorization).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket, socket.getInputStream());
        } finally {
            socket.close();
        }
    }

    private static Response read(Socket socket, InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("the connection closed before the end of the response headers");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
            if (head.size() > MAX_HEADERS) {
                throw new IOException("response headers longer than " + MAX_HEADERS + " bytes");
            }
        }
        List<String> lines = List.of(head.toString(StandardCharsets.ISO_8859_1).split("\r\n"));
        String[] statusLine = lines.get(0).split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !statusLine[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP status line: " + lines.get(0));
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
            }
        }
        socket.setSoTimeout((int) QUIET.toMillis());
        long headersAt = System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n != -1 && body.size() < MAX_BODY; n = in.read(buffer)) {
                body.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException quiet) {
            // Nothing more came: whatever did is the body.
        }
        return new Response(Integer.parseInt(statusLine[1]), List.copyOf(headers),
                Arrays.copyOf(body.toByteArray(), body.size()), Duration.ofNanos(System.nanoTime() - headersAt));
    }
}
