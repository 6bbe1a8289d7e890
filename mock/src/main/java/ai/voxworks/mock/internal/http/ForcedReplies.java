package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.RateLimit;

/**
 * The documented responses a {@code Prefer: code=N} asks for, prepared once with the headers the
 * spec gives them. A forced response skips the rest of the pipeline: no key needed, no token taken.
 */
final class ForcedReplies {

    static final Reply SERVER_ERROR = ErrorBody.reply(500, "Internal server error");

    private final Reply rateLimited;

    /** A forced 429 reports the configured policy's shortest window as used up (the default policy when off). */
    ForcedReplies(RateLimit limit) {
        RateLimit.Window shortest = (limit.enabled() ? limit : RateLimit.DEFAULT).shortest();
        this.rateLimited = RateLimiting.LIMITED.withQuota(new Quota(shortest, 0, shortest.seconds(), shortest.seconds(), null));
    }

    /**
     * Stops the request with the response {@code prefer} forces, if it forces one; {@code code=200}
     * (or none) lets the pipeline go on, and an undocumented code is a 400.
     */
    void check(Prefer prefer) {
        if (prefer.code() != 0 && prefer.code() != 200) {
            throw new Refusal(reply(prefer.code()));
        }
    }

    /** The documented response with this status; a 400 saying so for any other. */
    Reply reply(int status) {
        return switch (status) {
            case 401 -> Authentication.INVALID;
            case 404 -> CallLookup.NOT_FOUND;
            case 429 -> rateLimited;
            case 500 -> SERVER_ERROR;
            default -> ErrorBody.reply(400, "Prefer code=" + status
                    + " is not a documented response of getCall; use 200, 401, 404, 429 or 500");
        };
    }
}
