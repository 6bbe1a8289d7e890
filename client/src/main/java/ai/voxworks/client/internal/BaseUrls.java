package ai.voxworks.client.internal;

import java.net.URI;
import java.net.URISyntaxException;

/** The base URL rule of the tools that take one from a user (record's {@code --from}, the conformance suite's {@code --base-url}). */
public final class BaseUrls {

    private BaseUrls() {
    }

    /**
     * {@code value} stripped and without trailing slashes, when it is an http or https URL with a host,
     * a port from 1 to 65535 if any, and no user info, query or fragment.
     *
     * @throws IllegalArgumentException saying what is wrong, never repeating a user name or password
     */
    public static String check(String value) {
        String text = value == null ? "" : value.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + withoutUserInfo(text) + "' is not a URL (" + e.getReason()
                    + " at index " + e.getIndex() + "); give one such as https://api.voxworks.ai");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the URL holds a user name or password; give the URL without it, "
                    + "and the API key in VOXWORKS_API_KEY");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("'" + text + "' is not an http or https URL, such as https://api.voxworks.ai");
        }
        if (uri.getHost() == null) {
            String authority = uri.getRawAuthority();
            throw new IllegalArgumentException("'" + text + "' has " + (authority == null ? "no host"
                    : "no valid host and port in '" + authority + "' (a port is 1 to 65535)"));
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new IllegalArgumentException("'" + text + "' has port " + uri.getPort() + "; a port is 1 to 65535");
        }
        if (uri.getRawQuery() != null) {
            throw new IllegalArgumentException("'" + text + "' has a query (?" + uri.getRawQuery()
                    + "); give the server's base URL alone");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + text + "' has a fragment (#" + uri.getRawFragment()
                    + "); give the server's base URL alone");
        }
        return text.replaceAll("/+$", "");
    }

    // A URL that does not parse may still hold user:password@ before its host.
    private static String withoutUserInfo(String text) {
        return text.replaceFirst("//[^/?#]*@", "//…@");
    }
}
