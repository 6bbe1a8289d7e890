package ai.voxworks.client;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** 429: the key's rate limit is used up. Retried when the wait is within the client's cap. */
public final class RateLimitException extends VoxworksException {

    private final Duration retryAfter;
    private final RateLimitStatus status;

    RateLimitException(String message, String serverMessage, Duration retryAfter, RateLimitStatus status) {
        super(message, 429, serverMessage, null);
        this.retryAfter = retryAfter;
        this.status = status;
    }

    /** How long the server asked to wait ({@code Retry-After}), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The rate-limit fields of the 429 ({@code X-RateLimit-*} or the IETF ones), if it sent them. */
    public Optional<RateLimitStatus> rateLimit() {
        return Optional.ofNullable(status);
    }

    /** The limit of the window that ran out, if the 429 said. */
    public OptionalLong limit() {
        return status == null || status.limit() == null ? OptionalLong.empty() : OptionalLong.of(status.limit());
    }

    /** What remains ({@code 0}, normally), if the 429 said. */
    public OptionalLong remaining() {
        return status == null ? OptionalLong.empty() : OptionalLong.of(status.remaining());
    }
}
