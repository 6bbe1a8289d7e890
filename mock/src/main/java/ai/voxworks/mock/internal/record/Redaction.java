package ai.voxworks.mock.internal.record;

import ai.voxworks.mock.FixtureProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a call loses before it is saved. By default every string that is an http(s) URL loses its
 * query, fragment and user info: a signed URL ({@code recording_url?X-Amz-Signature=...}) is a
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
    private static final Pattern URL = Pattern.compile("(?i)https?://\\S+");

    /** What redacting one call came to: the call to save, or the problems that keep it from being saved. */
    record Result(ObjectNode call, List<String> redacted, int urlsStripped, List<FixtureProblem> problems) {
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
                return new Result(copy, List.copyOf(chosen.keySet()), urls, List.of());
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
                return new Result(null, List.copyOf(chosen.keySet()), urls, problems);
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
     * {@code value} without the query, fragment and user info, when the whole string is an http(s)
     * URL; anything else as it is. Plain string work, so a URL that {@link java.net.URI} would
     * refuse (a space in a signature, say) is stripped all the same.
     */
    static String withoutCredentials(String value) {
        if (!URL.matcher(value).matches()) {
            return value;
        }
        int authority = value.indexOf("://") + 3;
        int end = authority;
        while (end < value.length() && "/?#".indexOf(value.charAt(end)) < 0) {
            end++;
        }
        String host = value.substring(authority, end);
        host = host.substring(host.lastIndexOf('@') + 1);
        int pathEnd = end;
        while (pathEnd < value.length() && "?#".indexOf(value.charAt(pathEnd)) < 0) {
            pathEnd++;
        }
        return value.substring(0, authority) + host + value.substring(end, pathEnd);
    }
}
