package ai.voxworks.client;

import ai.voxworks.client.internal.Durations;
import ai.voxworks.client.internal.Pacing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@link VoxworksClient#awaitCall}: asks for a call until it meets a condition, at the pace
 * {@link Pacing} sets from each answer (quick while it moves, slower while it does not, never
 * faster than the rate-limit budget the answer showed), and gives up at the deadline. A 429 that
 * gets through anyway (another program spending the same key's budget) is waited out as its
 * {@code Retry-After} asks. Time is the client's clock, waits its sleeper: a tool that keeps its own
 * time (the mock's JUnit handle) polls a long timeline at once.
 */
final class CallAwaiter {

    private final CallFetcher fetcher;
    private final Sleeper sleeper;
    private final Clock clock;

    CallAwaiter(CallFetcher fetcher, Sleeper sleeper, Clock clock) {
        this.fetcher = fetcher;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    Call await(String callId, Predicate<Call> until, Duration timeout, Consumer<Call> onChange) {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        Consumer<Call> listener = onChange == null ? call -> { } : onChange;
        Instant deadline = clock.instant().plus(timeout);
        Duration interval = Pacing.FIRST;
        Call last = null;
        int requests = 0;
        while (true) {
            Duration wait;
            boolean budgetSpent;
            try {
                requests++;
                CallResponse response = fetcher.fetchResponse(callId);
                Call call = response.call();
                boolean changed = last == null || !call.json().equals(last.json());
                last = call;
                if (changed) {
                    listener.accept(call);
                }
                if (until.test(call)) {
                    return call;
                }
                interval = changed ? Pacing.FIRST : Pacing.slower(interval);
                wait = Pacing.next(interval, response.rateLimit());
                budgetSpent = response.rateLimit().map(RateLimitStatus::exhausted).orElse(false);
            } catch (RateLimitException limited) {
                Optional<Duration> asked = limited.retryAfter();
                wait = asked.isPresent() ? asked.get()
                        : Pacing.next(interval, Optional.of(limited.rateLimit().orElse(new RateLimitStatus(0, 0))));
                budgetSpent = true;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero() || budgetSpent && wait.compareTo(left) > 0) {
                // Out of time; or the budget is spent until after the deadline, and a look before then would be a 429.
                throw timedOut(callId, last, timeout, requests);
            }
            try {
                // A wait past the deadline is cut to it: one last look, then the verdict.
                sleeper.sleep(wait.compareTo(left) > 0 ? left : wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("Interrupted while waiting for call " + callId, e);
            }
        }
    }

    private static AwaitTimeoutException timedOut(String callId, Call last, Duration timeout, int requests) {
        String seen = last == null ? "every answer was a 429"
                : "last seen " + last.status() + (last.progress() == null ? "" : " (progress: " + last.progress() + ")");
        return new AwaitTimeoutException("Gave up waiting for call " + callId + " after " + Durations.format(timeout) + " ("
                + requests + (requests == 1 ? " request" : " requests") + "): " + seen, last, timeout, requests);
    }
}
