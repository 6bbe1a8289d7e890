package ai.voxworks.mock.internal.record;

import ai.voxworks.mock.FixtureProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a call loses before it is saved. By default every http(s) URL in a string, the whole string
 * or a part of prose, loses its query, fragment and user info: a signed URL ({@code recording_url?X-Amz-Signature=...}) is a
 * bearer credential for as long as it is valid. Fields named by JSON pointers are replaced by
 * placeholders of their own type ({@code "[redacted]"}, {@code 0}, {@code false}, {@code {}},
 * {@code []}) that the spec's schema accepts; where it does not (a date-time, say), the next
 * candidate is tried: a fixed date-time, then {@code null}, which only a nullable field accepts.
 */
final class Redaction {

    static final String PLACEHOLDER = "[redacted]";
    static final String PLACEHOLDER_TIME = "1970-01-01T00:00:00Z";

    /** The mock names the file after the id and scopes the call by its team: neither can change. */
    private static final Set<String> KEPT = Set.of("/id", "/team_id");
    /** An http(s) URL anywhere in a string: up to white space, or a character that cannot be in one. */
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`]+");
    /** What ends a sentence or a bracket after a URL, rather than the URL itself ({@code (see https://x/a?t=1).}). */
    private static final String TRAILING = ".,;:!?)]}";

    /**
     * What redacting one call came to: the call to save, or the problems that keep it from being
     * saved; {@code present} lists the pointers that name a field of the call (redacted, or null and
     * so left as it is), the others being absent from it, or misspelt.
     */
    record Result(ObjectNode call, List<String> redacted, List<String> present, int urlsStripped,
                  List<FixtureProblem> problems) {
    }

    private final List<String> pointers;
    private final boolean stripUrls;

    Redaction(List<String> pointers, boolean stripUrls) {
        this.pointers = List.copyOf(pointers);
        this.stripUrls = stripUrls;
    }

    /**
     * {@code pointer} when it names a field that may be redacted.
     *
     * @throws IllegalArgumentException saying why not
     */
    static String checkPointer(String pointer) {
        String p = pointer == null ? "" : pointer.strip();
        if (!p.startsWith("/") || p.equals("/")) {
            throw new IllegalArgumentException("'" + p + "' is not a JSON pointer to a field; write it as /transcript or "
                    + "/structured_data/name");
        }
        if (p.matches(".*~([^01].*|$)")) {
            throw new IllegalArgumentException("'" + p + "' is not a JSON pointer: '~' is written ~0 and '/' in a name ~1");
        }
        if (KEPT.contains(p)) {
            throw new IllegalArgumentException(p + " cannot be redacted: the mock names a call's file after its id and "
                    + "serves it to its team_id");
        }
        return p;
    }

    /**
     * A copy of {@code call} redacted; {@code check} says what the spec finds wrong with a
     * candidate, and decides which placeholder each field keeps.
     */
    Result apply(ObjectNode call, Function<ObjectNode, List<FixtureProblem>> check) {
        ObjectNode copy = call.deepCopy();
        int urls = stripUrls ? stripUrls(copy, true) : 0;
        Map<String, List<JsonNode>> candidates = new LinkedHashMap<>();
        Map<String, Integer> chosen = new LinkedHashMap<>();
        List<String> present = pointers.stream().filter(p -> !copy.at(p).isMissingNode()).distinct().toList();
        for (String pointer : pointers) {
            JsonNode value = copy.at(pointer);
            // A missing or null field has nothing to hide: the call is saved with it as it is.
            if (!value.isMissingNode() && !value.isNull() && !candidates.containsKey(pointer)) {
                candidates.put(pointer, candidates(value));
                chosen.put(pointer, 0);
                set(copy, pointer, candidates.get(pointer).get(0));
            }
        }
        while (true) {
            List<FixtureProblem> problems = check.apply(copy);
            if (problems.isEmpty()) {
                return new Result(copy, List.copyOf(chosen.keySet()), present, urls, List.of());
            }
            boolean advanced = false;
            Set<String> seen = new HashSet<>();
            for (FixtureProblem problem : problems) {
                String pointer = redactedAt(problem.pointer(), chosen.keySet());
                if (pointer == null || !seen.add(pointer)) {
                    continue;
                }
                int next = chosen.get(pointer) + 1;
                if (next < candidates.get(pointer).size()) {
                    chosen.put(pointer, next);
                    set(copy, pointer, candidates.get(pointer).get(next));
                    advanced = true;
                }
            }
            if (!advanced) {
                return new Result(null, List.copyOf(chosen.keySet()), present, urls, problems);
            }
        }
    }

    /** Placeholders for {@code value} (not null), of its own type first; {@code null} last. */
    private static List<JsonNode> candidates(JsonNode value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode none = nodes.nullNode();
        if (value.isString()) {
            return List.of(nodes.stringNode(PLACEHOLDER), nodes.stringNode(PLACEHOLDER_TIME), none);
        }
        if (value.isNumber()) {
            return List.of(value.isIntegralNumber() ? nodes.numberNode(0) : nodes.numberNode(0.0), none);
        }
        if (value.isBoolean()) {
            return List.of(nodes.booleanNode(false), none);
        }
        if (value.isObject()) {
            return List.of(nodes.objectNode(), none);
        }
        return List.of(nodes.arrayNode(), none);
    }

    /** The redacted pointer at or above {@code problem}, if any. */
    private static String redactedAt(String problem, Set<String> redacted) {
        for (String pointer : redacted) {
            if (problem.equals(pointer) || problem.startsWith(pointer + "/")) {
                return pointer;
            }
        }
        return null;
    }

    private static void set(ObjectNode root, String pointer, JsonNode value) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        String name = at.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(name, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(at.last().getMatchingIndex(), value);
        }
    }

    /** Strips every URL string below {@code node}; the call's own id and team_id are left alone. */
    private static int stripUrls(JsonNode node, boolean top) {
        int stripped = 0;
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (value.isString()) {
                    String clean = withoutCredentials(value.asString());
                    if (!(top && KEPT.contains("/" + name)) && !clean.equals(value.asString())) {
                        object.put(name, clean);
                        stripped++;
                    }
                } else {
                    stripped += stripUrls(value, false);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isString()) {
                    String clean = withoutCredentials(value.asString());
                    if (!clean.equals(value.asString())) {
                        array.set(i, JsonNodeFactory.instance.stringNode(clean));
                        stripped++;
                    }
                } else {
                    stripped += stripUrls(value, false);
                }
            }
        }
        return stripped;
    }

    /**
     * {@code value} with every http(s) URL in it, on its own or inside prose, without its query,
     * fragment and user info; the rest as it is. Plain string work, so a URL that
     * {@link java.net.URI} would refuse (a space in a signature, say) is stripped all the same.
     */
    static String withoutCredentials(String value) {
        Matcher m = URL.matcher(value);
        if (!m.find()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int at = 0;
        do {
            int end = m.end();
            // Punctuation after a URL ends the sentence, not the URL; a ')' closes a bracket unless the URL opened one.
            while (end > m.start() && TRAILING.indexOf(value.charAt(end - 1)) >= 0
                    && !(value.charAt(end - 1) == ')' && value.substring(m.start(), end).contains("("))) {
                end--;
            }
            out.append(value, at, m.start()).append(stripped(value.substring(m.start(), end)));
            at = end;
        } while (m.find(at));
        return out.append(value, at, value.length()).toString();
    }

    /** One URL without its query, fragment and user info. */
    private static String stripped(String url) {
        int authority = url.indexOf("://") + 3;
        int end = authority;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String host = url.substring(authority, end);
        host = host.substring(host.lastIndexOf('@') + 1);
        int pathEnd = end;
        while (pathEnd < url.length() && "?#".indexOf(url.charAt(pathEnd)) < 0) {
            pathEnd++;
        }
        return url.substring(0, authority) + host + url.substring(end, pathEnd);
    }
}
