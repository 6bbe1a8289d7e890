package ai.voxworks.client;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** 429: the key's rate limit is used up. Retried when the wait is within the client's cap. */
public final class RateLimitException extends VoxworksException {

    private final Duration retryAfter;
    private final Long limit;
    private final Long remaining;

    RateLimitException(String message, String serverMessage, Duration retryAfter, Long limit, Long remaining) {
        super(message, 429, serverMessage, null);
        this.retryAfter = retryAfter;
        this.limit = limit;
        this.remaining = remaining;
    }

    /** How long the server asked to wait ({@code Retry-After}), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** {@code X-RateLimit-Limit}, if sent. */
    public OptionalLong limit() {
        return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    /** {@code X-RateLimit-Remaining}, if sent. */
    public OptionalLong remaining() {
        return remaining == null ? OptionalLong.empty() : OptionalLong.of(remaining);
    }
}
