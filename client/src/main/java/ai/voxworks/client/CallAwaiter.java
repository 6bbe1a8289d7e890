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
        Instant started = clock.instant();
        Instant deadline = started.plus(timeout);
        Duration interval = Pacing.FIRST;
        Call last = null;
        int requests = 0;
        while (true) {
            Duration wait;
            boolean budgetSpent;
            try {
                requests++;
                CallResponse response = fetcher.look(callId);
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
                // When to look again: as the 429 asks; else by the status it brought; else a whole window.
                Duration current = interval;
                wait = limited.retryAfter().orElseGet(() -> limited.rateLimit()
                        .map(status -> Pacing.next(current, Optional.of(status)))
                        .orElse(Pacing.UNKNOWN_RESET.compareTo(current) > 0 ? Pacing.UNKNOWN_RESET : current));
                budgetSpent = true;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw timedOut(callId, last, timeout, Duration.between(started, clock.instant()), requests, false);
            }
            if (budgetSpent && wait.compareTo(left) > 0) {
                // A look before the deadline would be a 429: saying so now beats waiting to say it then.
                throw timedOut(callId, last, timeout, Duration.between(started, clock.instant()), requests, true);
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

    private static AwaitTimeoutException timedOut(String callId, Call last, Duration timeout, Duration waited, int requests,
            boolean budgetSpent) {
        String seen = last == null ? "every answer was a 429"
                : "last seen " + last.status() + (last.progress() == null ? "" : " (progress: " + last.progress() + ")");
        String when = budgetSpent ? "early, " + waited.toSeconds() + "s into its " + Durations.format(timeout)
                : "after " + Durations.format(timeout);
        return new AwaitTimeoutException("Gave up waiting for call " + callId + " " + when + " (" + requests
                + (requests == 1 ? " request" : " requests") + "): "
                + (budgetSpent ? "the rate limit allows no request before its deadline; " : "") + seen, last, waited, requests);
    }
}
