package ai.voxworks.mock.internal.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openapi.yaml} as this mock serves it: the document as written, except that its
 * {@code servers} list starts with this very server (under the name the client used to reach it)
 * instead of the spec's fixed local entry, which names the default port whatever port runs.
 */
final class SpecDocument {

    // The spec's own entry for a local mock, with its description line.
    private static final Pattern LOCAL = Pattern.compile("(?m)^  - url: http://127\\.0\\.0\\.1:\\d+\\n(    description: .*\\n)?");
    private static final String SERVERS = "servers:\n";

    private final String head;
    private final String tail;

    SpecDocument(byte[] yaml) {
        String text = new String(yaml, StandardCharsets.UTF_8);
        int servers = text.indexOf("\n" + SERVERS);
        if (servers < 0) {
            head = text;
            tail = null;
        } else {
            int after = servers + 1 + SERVERS.length();
            head = text.substring(0, after);
            Matcher local = LOCAL.matcher(text);
            tail = local.find(after) ? text.substring(after, local.start()) + text.substring(local.end()) : text.substring(after);
        }
    }

    /** The document for this request: this server first among the servers. */
    byte[] yaml(Context ctx) {
        if (tail == null) {
            return head.getBytes(StandardCharsets.UTF_8);
        }
        // The Host header passed the HostCheck: a name or address of this machine, safe to echo.
        String self = "  - url: http://" + ctx.host() + "\n    description: This mock server\n";
        return (head + self + tail).getBytes(StandardCharsets.UTF_8);
    }
}
