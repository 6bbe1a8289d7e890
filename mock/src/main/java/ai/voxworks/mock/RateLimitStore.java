package ai.voxworks.mock;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the limiter keeps its buckets: in this process ({@link #LOCAL}, the default), or in a
 * Redis server that several replicas of the mock share, {@code redis://HOST:PORT[/DB]}, so that
 * every replica started with the same store, limit and scope counts against one set of windows
 * per key (or team). A password, for a Redis that asks for one, goes in the URL
 * ({@code redis://:PASSWORD@HOST:PORT}, or {@code redis://USER:PASSWORD@...} with an ACL user);
 * it is never printed: {@link #toString()} leaves the credentials out.
 */
public final class RateLimitStore {

    /** Buckets in this process: each replica counts alone. */
    public static final RateLimitStore LOCAL = new RateLimitStore(null, 0, 0, null, null);

    /** The port a {@code redis://} URL without one means. */
    static final int REDIS_PORT = 6379;

    private static final String EXPECTED = "expected local or redis://HOST:PORT[/DB], such as redis://127.0.0.1:6379";

    private final String host;
    private final int port;
    private final int database;
    private final String username;
    private final String password;

    private RateLimitStore(String host, int port, int database, String username, String password) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
    }

    /**
     * Parses {@code local} or {@code redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]} (port 6379 and
     * database 0 when left out).
     *
     * @throws IllegalArgumentException with a message that says what is wrong (credentials masked)
     */
    public static RateLimitStore parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.equalsIgnoreCase("local")) {
            return LOCAL;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw bad(value, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("rediss")) {
            throw bad(value, "TLS (rediss://) is not supported; use redis:// on a network you trust");
        }
        if (!scheme.equals("redis")) {
            throw bad(value, EXPECTED);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw bad(value, "it needs a host and a port number, " + EXPECTED);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(value, "options after '?' or '#' are not supported; " + EXPECTED);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw bad(value, "port " + uri.getPort() + " is out of range; a port is 1 to 65535");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        int database = 0;
        if (!path.isEmpty() && !path.equals("/")) {
            if (!path.matches("/\\d{1,5}")) {
                throw bad(value, "the path must be a database number, such as /0; " + EXPECTED);
            }
            database = Integer.parseInt(path.substring(1));
        }
        String username = null;
        String password = null;
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            // As Redis clients read it: "redis://SECRET@host" is a password alone.
            username = colon <= 0 ? null : userInfo.substring(0, colon);
            password = colon < 0 ? userInfo : userInfo.substring(colon + 1);
            if (password.isEmpty()) {
                throw bad(value, "the password after ':' is empty");
            }
        }
        return new RateLimitStore(uri.getHost(), uri.getPort() < 0 ? REDIS_PORT : uri.getPort(), database, username, password);
    }

    private static IllegalArgumentException bad(String value, String reason) {
        // The text may carry a password: it is shown with its credentials masked.
        return new IllegalArgumentException("'" + value.replaceFirst("(?<=://)[^/@]*@", "***@")
                + "' is not a rate-limit store; " + reason);
    }

    /** Whether replicas share these buckets (a Redis store). */
    public boolean shared() {
        return host != null;
    }

    /** Whether the URL carried a password (the banner says so, without it). */
    public boolean hasPassword() {
        return password != null;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    int database() {
        return database;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    /** {@code local}, or the Redis URL without its credentials ({@code redis://127.0.0.1:6379}, {@code .../2}). */
    @Override
    public String toString() {
        if (!shared()) {
            return "local";
        }
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "redis://" + h + ":" + port + (database == 0 ? "" : "/" + database);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateLimitStore s && Objects.equals(host, s.host) && port == s.port && database == s.database
                && Objects.equals(username, s.username) && Objects.equals(password, s.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, username, password);
    }
}
