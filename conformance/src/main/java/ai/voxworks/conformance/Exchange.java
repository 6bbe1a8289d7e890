package ai.voxworks.conformance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request and the response to it, as a failure shows them: the key masked, the headers that
 * matter here, a snippet of the body. Header values and the snippet are redacted when recorded,
 * so nothing built from an exchange can print a key a server echoed.
 *
 * @param method        the request method
 * @param url           the URL requested
 * @param requestBody   the JSON body sent, {@code null} for none
 * @param authorization the {@code Authorization} sent
 * @param status        the response status
 * @param headers       the response headers, in order, values redacted
 * @param body          the response body as received (compare it, never print it)
 * @param shownBody     the body as output shows it: redacted, one line, cut short
 * @param elapsed       time to the response
 * @param receivedAt    when it arrived, on the run's clock ({@code System.nanoTime()} but in tests)
 */
record Exchange(String method, String url, String requestBody, Credentials authorization, int status,
                List<Map.Entry<String, String>> headers, byte[] body, String shownBody, Duration elapsed, long receivedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SNIPPET = 240;
    /** The response headers worth printing beside a failure. */
    private static final List<String> SHOWN_HEADERS = List.of("content-type", "www-authenticate", "retry-after",
            "x-ratelimit-limit", "x-ratelimit-remaining", "ratelimit", "ratelimit-policy", "location");

    static Exchange of(String method, String url, String requestBody, Credentials authorization, int status,
                       List<Map.Entry<String, String>> headers, byte[] body, Duration elapsed, long receivedAt,
                       UnaryOperator<String> redact) {
        List<Map.Entry<String, String>> shownHeaders = new ArrayList<>();
        headers.forEach(h -> shownHeaders.add(Map.entry(h.getKey(), redact.apply(h.getValue()))));
        return new Exchange(method, url, requestBody, authorization, status, List.copyOf(shownHeaders), body,
                snippet(redact.apply(new String(body, StandardCharsets.UTF_8))), elapsed, receivedAt);
    }

    /** The first value of a header, by name in any case. */
    Optional<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** A header's value as a whole number, when it is one. */
    OptionalLong wholeNumber(String name) {
        Optional<String> value = header(name).map(String::strip);
        return value.isPresent() && value.get().matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(value.get()))
                : OptionalLong.empty();
    }

    String contentType() {
        return header("Content-Type").orElse(null);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON; a missing node when it is not JSON. */
    JsonNode json() {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }

    /** The request and the response, one line each for the request line, status, each shown header and the body. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(method + " " + url);
        lines.add("Authorization: " + authorization.shown());
        lines.add("replay: " + curl());
        lines.add("→ " + status + " in " + elapsed.toMillis() + " ms");
        for (Map.Entry<String, String> h : headers) {
            if (SHOWN_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                lines.add(h.getKey() + ": " + h.getValue());
            }
        }
        lines.add(shownBody.isEmpty() ? "(empty body)" : shownBody);
        return lines;
    }

    /**
     * A curl command that repeats the request and prints the response with its headers; a secret
     * key appears as the variable that holds it ({@code $VOXWORKS_API_KEY}), never as itself.
     * {@code --path-as-is} and {@code -g} keep curl from rewriting the path or globbing it.
     */
    String curl() {
        StringBuilder out = new StringBuilder("curl -sS ").append(method.equals("HEAD") ? "-I" : "-i").append(" --path-as-is -g");
        if (!method.equals("GET") && !method.equals("HEAD")) {
            out.append(" -X ").append(method);
        }
        if (authorization.replay() != null) {
            out.append(" -H ").append(authorization.replay());
        }
        if (requestBody != null) {
            out.append(" -H 'Content-Type: application/json' --data-raw ").append(quote(requestBody));
        }
        return out.append(' ').append(quote(url)).toString();
    }

    /** {@code text} as one POSIX shell word: single-quoted, with each {@code '} written {@code '\''}. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String snippet(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(SNIPPET).forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        long total = text.codePoints().count();
        return total > SNIPPET ? out + "… (" + total + " characters)" : out.toString();
    }
}
