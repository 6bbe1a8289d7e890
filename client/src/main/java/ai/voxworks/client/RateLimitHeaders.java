package ai.voxworks.client;

import ai.voxworks.client.internal.RateLimitFields;
import ai.voxworks.client.internal.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;
import org.greenbytes.http.sfv.IntegerItem;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.StringItem;
import org.greenbytes.http.sfv.TokenItem;

/**
 * What a response says about the key's rate limit: the one place that knows the field names and
 * formats, {@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset}, {@code Retry-After}, and the
 * IETF {@code RateLimit} / {@code RateLimit-Policy} Structured Fields (read with a strict parser).
 * A field that is absent or unreadable counts as not sent.
 */
final class RateLimitHeaders {

    static final String LIMIT = RateLimitFields.LIMIT;
    static final String REMAINING = RateLimitFields.REMAINING;
    static final String RESET = RateLimitFields.RESET;
    static final String RETRY_AFTER = RateLimitFields.RETRY_AFTER;
    static final String RATELIMIT = RateLimitFields.RATELIMIT;
    static final String POLICY = RateLimitFields.POLICY;

    // A reset larger than this is an epoch time (as GitHub sends), not a number of seconds.
    private static final long EPOCH_SECONDS = 1_000_000_000L;

    private RateLimitHeaders() {
    }

    /** The status: from the IETF fields when they are there and readable, else from {@code X-RateLimit-*}. */
    static Optional<RateLimitStatus> status(Headers headers, Clock clock) {
        RateLimitStatus ietf = ietf(headers);
        if (ietf != null) {
            return Optional.of(ietf);
        }
        Long remaining = remaining(headers);
        if (remaining == null) {
            return Optional.empty();
        }
        Long reset = number(headers.get(RESET));
        Duration resetAfter = reset == null ? null
                : reset > EPOCH_SECONDS ? Duration.ofSeconds(Math.max(0, reset - clock.instant().getEpochSecond()))
                : Duration.ofSeconds(Math.max(0, reset));
        return Optional.of(new RateLimitStatus(null, limit(headers), remaining, resetAfter));
    }

    static Long limit(Headers headers) {
        return number(headers.get(LIMIT));
    }

    static Long remaining(Headers headers) {
        return number(headers.get(REMAINING));
    }

    /** {@code Retry-After} as whole seconds or an HTTP-date measured against {@code clock}; {@code null} when absent or unreadable. */
    static Duration retryAfter(Headers headers, Clock clock) {
        return RetryAfter.parse(headers.get(RETRY_AFTER), clock).orElse(null);
    }

    /**
     * The first service limit of {@code RateLimit}, with the quota of its policy from
     * {@code RateLimit-Policy} when that names it; {@code null} when there is no readable one.
     */
    private static RateLimitStatus ietf(Headers headers) {
        List<ListElement<?>> limits = list(headers.values(RATELIMIT));
        if (limits == null || limits.isEmpty()) {
            return null;
        }
        ListElement<?> limit = limits.get(0);
        Long remaining = integer(limit, "r");
        if (remaining == null) {
            return null;
        }
        String policy = name(limit);
        Long reset = integer(limit, "t");
        Long quota = null;
        List<ListElement<?>> policies = list(headers.values(POLICY));
        if (policies != null) {
            for (ListElement<?> p : policies) {
                if (policy != null && policy.equals(name(p))) {
                    quota = integer(p, "q");
                }
            }
        }
        return new RateLimitStatus(policy, quota, remaining, reset == null ? null : Duration.ofSeconds(Math.max(0, reset)));
    }

    private static List<ListElement<?>> list(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        try {
            return new Parser(values).parseList().get();
        } catch (IllegalArgumentException e) {  // ParseException is one
            return null;
        }
    }

    private static String name(ListElement<?> element) {
        if (element instanceof StringItem s) {
            return s.get();
        }
        return element instanceof TokenItem t ? t.get() : null;
    }

    private static Long integer(ListElement<?> element, String parameter) {
        Item<?> item = element.getParams().get(parameter);
        return item instanceof IntegerItem i ? i.get() : null;
    }

    private static Long number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
