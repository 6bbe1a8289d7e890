package ai.voxworks.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.IntegerItem;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.StringItem;
import org.greenbytes.http.sfv.TokenItem;

/**
 * The IETF rate-limit fields of a response, read as draft-ietf-httpapi-ratelimit-headers-11
 * defines them: {@code RateLimit-Policy} a non-empty List of quota policies (a name with
 * {@code q}, and optional {@code w}, {@code qu}, {@code pk}), {@code RateLimit} a List of service
 * limits (a policy name with {@code r}, and optional {@code t}, {@code pk}). The Structured Fields
 * parse is strict (org.greenbytes.http, RFC 8941): anything else is a reason, not a guess.
 *
 * @param policies the quota policies, by name, in order; empty when the field was not sent
 * @param limits   the service limits, in order; empty when the field was not sent
 */
record IetfFields(Map<String, Policy> policies, List<Limit> limits) {

    static final String RATELIMIT = "RateLimit";
    static final String POLICY = "RateLimit-Policy";

    /** A quota policy: {@code q} requests ({@code qu} units) per {@code w} seconds. */
    record Policy(String name, long quota, Long window) {
    }

    /** A service limit: {@code r} left of policy {@code name}, {@code t} seconds until more. */
    record Limit(String name, long remaining, Long reset) {
    }

    /** Whether the response carries either field. */
    static boolean sent(Exchange exchange) {
        return exchange.header(RATELIMIT).isPresent() || exchange.header(POLICY).isPresent();
    }

    /** The fields, or what is wrong with them (both lists of problems name the field). */
    static Optional<IetfFields> read(Exchange exchange, List<String> problems) {
        Map<String, Policy> policies = new HashMap<>();
        List<Limit> limits = new ArrayList<>();
        List<ListElement<?>> policyList = list(exchange, POLICY, problems);
        if (policyList != null) {
            if (policyList.isEmpty()) {
                problems.add(POLICY + " is an empty List; the draft requires at least one policy");
            }
            for (ListElement<?> element : policyList) {
                String name = name(element, POLICY, problems);
                partitionKey(element, POLICY, problems);
                Long quota = integer(element, "q", POLICY, true, 0, problems);
                Long window = integer(element, "w", POLICY, false, 1, problems);
                if (name != null && quota != null) {
                    policies.put(name, new Policy(name, quota, window));
                }
            }
        }
        List<ListElement<?>> limitList = list(exchange, RATELIMIT, problems);
        if (limitList != null) {
            for (ListElement<?> element : limitList) {
                String name = name(element, RATELIMIT, problems);
                partitionKey(element, RATELIMIT, problems);
                Long remaining = integer(element, "r", RATELIMIT, true, 0, problems);
                Long reset = integer(element, "t", RATELIMIT, false, 0, problems);
                if (name != null && remaining != null) {
                    limits.add(new Limit(name, remaining, reset));
                    Policy policy = policies.get(name);
                    if (policyList != null && policy == null) {
                        problems.add(RATELIMIT + " names policy \"" + name + "\", which " + POLICY + " does not list");
                    } else if (policy != null && remaining > policy.quota()) {
                        problems.add(RATELIMIT + " says r=" + remaining + " left of \"" + name + "\", whose quota is q="
                                + policy.quota());
                    }
                }
            }
        }
        return problems.isEmpty() ? Optional.of(new IetfFields(Map.copyOf(policies), List.copyOf(limits))) : Optional.empty();
    }

    /** The first service limit, the one a client reads. */
    Optional<Limit> first() {
        return limits.isEmpty() ? Optional.empty() : Optional.of(limits.get(0));
    }

    private static List<ListElement<?>> list(Exchange exchange, String field, List<String> problems) {
        List<String> values = exchange.headers().stream().filter(h -> h.getKey().equalsIgnoreCase(field))
                .map(Map.Entry::getValue).toList();
        if (values.isEmpty()) {
            return null;
        }
        try {
            return new Parser(values).parseList().get();
        } catch (IllegalArgumentException e) {
            problems.add(field + " is not a Structured Fields List: " + e.getMessage());
            return null;
        }
    }

    private static String name(ListElement<?> element, String field, List<String> problems) {
        if (element instanceof StringItem s) {
            return s.get();
        }
        if (element instanceof TokenItem t) {
            return t.get();
        }
        problems.add(field + " member " + element.serialize() + " is not a policy name (a String)");
        return null;
    }

    /** Other parameters are comments to the draft; a partition key must be a Byte Sequence. */
    private static void partitionKey(ListElement<?> element, String field, List<String> problems) {
        Item<?> pk = element.getParams().get("pk");
        if (pk != null && !(pk instanceof ByteSequenceItem)) {
            problems.add(field + " parameter pk=" + pk.serialize() + " is not a Byte Sequence (:base64:)");
        }
    }

    private static Long integer(ListElement<?> element, String parameter, String field, boolean required, long least,
                                List<String> problems) {
        Item<?> item = element.getParams().get(parameter);
        if (item == null) {
            if (required) {
                problems.add(field + " member " + element.serialize() + " has no " + parameter + " (it is required)");
            }
            return null;
        }
        if (!(item instanceof IntegerItem integer) || integer.get() < least) {
            problems.add(field + " parameter " + parameter + "=" + item.serialize() + " is not an Integer of at least " + least);
            return null;
        }
        return integer.get();
    }
}
