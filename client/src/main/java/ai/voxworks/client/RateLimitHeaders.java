package ai.voxworks.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Headers;

/**
 * What a response says about the key's rate limit: the one place that knows the header names and
 * formats ({@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}, {@code Retry-After}). A header
 * that is absent or unreadable counts as not sent.
 */
final class RateLimitHeaders {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RETRY_AFTER = "Retry-After";

    private RateLimitHeaders() {
    }

    /** The status, when the response carried both the limit and what remains of it. */
    static Optional<RateLimitStatus> status(Headers headers) {
        Long limit = limit(headers);
        Long remaining = remaining(headers);
        return limit == null || remaining == null ? Optional.empty() : Optional.of(new RateLimitStatus(limit, remaining));
    }

    static Long limit(Headers headers) {
        return number(headers.get(LIMIT));
    }

    static Long remaining(Headers headers) {
        return number(headers.get(REMAINING));
    }

    /** {@code Retry-After} as whole seconds or an HTTP-date measured against {@code clock}; {@code null} when absent or unreadable. */
    static Duration retryAfter(Headers headers, Clock clock) {
        String value = headers.get(RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
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
