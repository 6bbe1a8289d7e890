package ai.voxworks.conformance;

import java.util.List;

/**
 * The server answered 429 where a case expected another status, so the case could check nothing:
 * not a contract failure and not a leak. The first line reads {@code rate limited (Retry-After N s)}.
 */
final class RateLimited extends RuntimeException {

    private final String summary;

    RateLimited(String summary, String what, Exchange exchange) {
        super(render(summary, what, exchange));
        this.summary = summary;
    }

    /** {@code rate limited (Retry-After 42 s)}. */
    String summary() {
        return summary;
    }

    private static String render(String summary, String what, Exchange exchange) {
        StringBuilder out = new StringBuilder(summary).append(": ").append(what).append('\n');
        ConformanceFailure.exchanges(out, List.of(exchange));
        return out.toString().stripTrailing();
    }
}
