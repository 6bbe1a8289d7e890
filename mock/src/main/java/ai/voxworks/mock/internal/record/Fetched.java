package ai.voxworks.mock.internal.record;

/** What asking the server for one call came to, and so what the recording does next. */
sealed interface Fetched {

    /** A call: its JSON exactly as the server sent it, to be checked and saved. */
    record Body(String callJson) implements Fetched {
    }

    /** This call cannot be recorded (404, a 5xx after the retries, ...); the others still can. */
    record Skip(String reason) implements Fetched {
    }

    /** No call can be recorded now (401, a rate limit longer than the recording waits): stop asking. */
    record Stop(String reason) implements Fetched {
    }
}
