package ai.voxworks.client;

import java.time.Duration;
import java.util.Optional;

/**
 * {@link VoxworksClient#awaitCall} gave up: its timeout passed before the call met the condition
 * (by default, before it ended). Carries the call as last seen, and how long and how often it asked.
 */
public final class AwaitTimeoutException extends VoxworksException {

    private final transient Call lastCall;
    private final Duration waited;
    private final int requests;

    AwaitTimeoutException(String message, Call lastCall, Duration waited, int requests) {
        super(message, 0, null, null);
        this.lastCall = lastCall;
        this.waited = waited;
        this.requests = requests;
    }

    /** The call as the last answer had it; empty when no answer brought one (every request met a 429). */
    public Optional<Call> lastCall() {
        return Optional.ofNullable(lastCall);
    }

    /**
     * How long it waited, from its first request: the timeout it was given, or less when the rate
     * limit left no request before that deadline (the message says so).
     */
    public Duration waited() {
        return waited;
    }

    /** How many requests it made. */
    public int requests() {
        return requests;
    }
}
