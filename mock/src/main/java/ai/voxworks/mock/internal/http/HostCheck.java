package ai.voxworks.mock.internal.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpURI;
import java.util.List;
import java.util.Locale;

/**
 * Defence against DNS rebinding: a web page whose name an attacker points at 127.0.0.1 is
 * same-origin with the mock, so CORS and the admin API's content-type rule do not stop it; its
 * requests still carry the attacker's name in {@code Host}. Served are the names that mean this
 * machine, as Vite's dev server decides: {@code localhost} and {@code *.localhost}, any IP
 * address (an address is not a name anyone can rebind), the name the server was bound to, and
 * the names the user allowed ({@code .example.com} allows its subdomains too, {@code *} any).
 * A request without {@code Host} (HTTP/1.0) is checked by the authority of its absolute-form target.
 */
final class HostCheck implements Handler {

    private final String boundHost;
    private final List<String> allowed;
    private final boolean any;

    HostCheck(String boundHost, List<String> allowedHosts) {
        this.boundHost = normalize(boundHost);
        this.allowed = allowedHosts.stream().map(HostCheck::normalize).toList();
        this.any = allowedHosts.contains("*");
    }

    @Override
    public void handle(Context ctx) {
        String host = authority(ctx);
        if (host != null && !any && !names(host)) {
            throw new Refusal(ErrorBody.reply(421, "Host '" + printable(host) + "' is not a name of this mock server; "
                    + "if it is, start the mock with --allowed-hosts " + printable(name(host))));
        }
    }

    /**
     * The name the request is for: its {@code Host} header or, with none (HTTP/1.0), the authority
     * of an absolute-form target ({@code GET http://evil.example/ HTTP/1.0}); {@code null} when it
     * names none. (With both, Jetty has already refused a request whose two disagree.)
     */
    static String authority(Context ctx) {
        String host = ctx.header("Host");
        if (host != null) {
            return host;
        }
        HttpURI uri = ServletContextRequest.getServletContextRequest(ctx.req()).getHttpURI();
        return uri != null && uri.isAbsolute() && uri.hasAuthority() ? uri.getAuthority() : null;
    }

    /**
     * Whether {@code host} (a {@code Host} value, port and all) is a name of this machine, or one the
     * user listed: what an {@code Origin} must name for an admin change. A {@code *} in
     * {@code --allowed-hosts} does not count here: it lets any name read, but a page on any name
     * must still not write.
     */
    boolean names(String host) {
        String name = name(host);
        if (name.isEmpty()) {
            return false;
        }
        if (name.startsWith("[") || isIpv4(name) || name.equals("localhost") || name.endsWith(".localhost")
                || name.equals(boundHost)) {
            return true;
        }
        for (String entry : allowed) {
            if (name.equals(entry) || entry.startsWith(".") && (name.endsWith(entry) || name.equals(entry.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    /** The name part of a {@code Host} value: without port, lower case, without a trailing dot. */
    private static String name(String hostHeader) {
        String host = hostHeader.strip();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? "" : host.substring(0, end + 1).toLowerCase(Locale.ROOT);
        }
        int colon = host.lastIndexOf(':');
        return normalize(colon < 0 ? host : host.substring(0, colon));
    }

    private static String normalize(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static boolean isIpv4(String name) {
        int dots = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }

    /** What a message may quote of a header value: printable ASCII, at most 100 characters. */
    private static String printable(String value) {
        String v = value.replaceAll("[^\\x20-\\x7e]", "?");
        return v.length() > 100 ? v.substring(0, 100) + "…" : v;
    }
}
