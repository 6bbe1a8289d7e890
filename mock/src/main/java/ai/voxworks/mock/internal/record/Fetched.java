package ai.voxworks.mock.internal.record;

import ai.voxworks.client.RateLimitStatus;

/** What asking the server for one call came to, and so what the recording does next. */
sealed interface Fetched {

    /**
     * A call: its JSON exactly as the server sent it, to be checked and saved, and what the answer said
     * about the key's rate limit ({@code null}: nothing).
     */
    record Body(String callJson, RateLimitStatus rateLimit) implements Fetched {
    }

    /** This call cannot be recorded (404, a 5xx after the retries, ...); the others still can. */
    record Skip(String reason) implements Fetched {
    }

    /** No call can be recorded now (401, a rate limit longer than the recording waits): stop asking. */
    record Stop(String reason) implements Fetched {
    }
}
