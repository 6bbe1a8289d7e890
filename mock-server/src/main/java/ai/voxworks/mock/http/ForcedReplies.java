package ai.voxworks.mock.http;

import ai.voxworks.mock.RateLimit;

/**
 * The documented responses a {@code Prefer: code=N} asks for, prepared once with the headers the
 * spec gives them. A forced response skips the pipeline: no key needed, no token taken.
 */
final class ForcedReplies {

    static final Reply SERVER_ERROR = ErrorBody.reply(500, "Internal server error");

    private final Reply rateLimited;

    ForcedReplies(RateLimit limit) {
        RateLimit shown = limit.enabled() ? limit : RateLimit.DEFAULT;
        this.rateLimited = RateLimiting.LIMITED.withQuota(new Quota(shown.requests(), 0, shown.windowSeconds()));
    }

    /** The reply for a forced code; 200 means "no forcing" and returns {@code null}. */
    Reply forCode(int code) {
        return switch (code) {
            case 200 -> null;
            case 401 -> Authentication.INVALID;
            case 404 -> CallLookup.NOT_FOUND;
            case 429 -> rateLimited;
            case 500 -> SERVER_ERROR;
            default -> throw new ApiError(ErrorBody.reply(400, "Prefer code=" + code
                    + " is not a documented response of getCall; use 200, 401, 404, 429 or 500"));
        };
    }
}
