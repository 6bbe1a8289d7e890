package ai.voxworks.conformance;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The checks cases make on exchanges; each failure is a {@link ConformanceFailure} that shows the exchanges. */
final class Expect {

    private Expect() {
    }

    static void that(boolean holds, String check, String expected, String actual, Exchange... exchanges) {
        if (!holds) {
            throw new ConformanceFailure(check, expected, actual, List.of(exchanges));
        }
    }

    static void status(Exchange exchange, int expected, String check) {
        that(exchange.status() == expected, check, "status " + expected, "status " + exchange.status(), exchange);
    }

    /** A JSON value of the body, by pointer ({@code /call/id}), equals {@code expected} ({@code "x"}, {@code true}). */
    static void json(Exchange exchange, String pointer, Object expected, String check) {
        JsonNode node = exchange.json().at(pointer);
        boolean holds = expected instanceof String s ? node.isString() && node.asString().equals(s)
                : node.isBoolean() && expected.equals(node.booleanValue());
        String wanted = pointer + " = " + (expected instanceof String s ? "\"" + s + "\"" : expected);
        that(holds, check, wanted, node.isMissingNode() ? "no " + pointer : pointer + " = " + node, exchange);
    }
}
