package ai.voxworks.client.internal;

import java.nio.charset.StandardCharsets;

/** A value (a call id) as exactly one URL path segment. */
public final class PathSegments {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {
    }

    /**
     * {@code value} percent-encoded as UTF-8, every byte but RFC 3986's unreserved characters
     * ({@code A-Z a-z 0-9 - . _ ~}): "a/b" becomes {@code a%2Fb}, ".." {@code %2E%2E}, so no server,
     * proxy or client library reads it as more than one segment or as navigation.
     */
    public static String encode(String value) {
        boolean navigation = value.equals(".") || value.equals("..");
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '~' || (c == '.' && !navigation);
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
