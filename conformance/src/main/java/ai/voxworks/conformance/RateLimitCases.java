package ai.voxworks.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rate limiting, with {@code --rate-limit} (always against the embedded mock): sequential requests
 * for the key's own call until it is refused, once per run, then one case per rule about that
 * sequence. Runs after every other case, since it leaves the key without quota.
 */
@DisplayName("rate limiting")
@ExtendWith(TargetExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(3)
class RateLimitCases {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    /** How many requests to send for a 429 when the server does not say its limit. */
    static final int BUDGET_WITHOUT_LIMIT = 100;

    /**
     * The requests sent until the first answer that is not 200 (or the budget ran out).
     *
     * @param sequence every exchange, in order
     * @param limit    the first response's {@code X-RateLimit-Limit}, when it is a whole number
     */
    record Exhaustion(List<Exchange> sequence, OptionalLong limit) {
        Exchange last() {
            return sequence.get(sequence.size() - 1);
        }

        /** The refusal that ended the sequence: its last exchange, when it is not a 200. */
        Optional<Exchange> refusal() {
            return last().status() == 200 ? Optional.empty() : Optional.of(last());
        }

        /** The 429 that ended it, if that is how it ended. */
        Optional<Exchange> tooManyRequests() {
            return refusal().filter(e -> e.status() == 429);
        }
    }

    private final Target target;
    private final Http http;
    private Exhaustion exhaustion;

    RateLimitCases(Target target, Http http) {
        this.target = target;
        this.http = http;
    }

    @BeforeEach
    void optedIn() {
        Assumptions.assumeTrue(target.rateLimitOptIn(), "not asked for: " + Target.Setting.RATE_LIMIT.named()
                + " uses up the key's quota");
    }

    /** Sends requests for the own call until one is refused, once per run. */
    private Exhaustion exhaustion() {
        if (exhaustion == null) {
            List<Exchange> sequence = new ArrayList<>();
            Exchange first = http.send(target.callId(), target.credentials());
            sequence.add(first);
            OptionalLong limit = first.wholeNumber(LIMIT);
            // Up to two windows' worth: a window may turn over while the sequence runs.
            long budget = limit.isPresent() ? 2 * limit.getAsLong() + 2 : BUDGET_WITHOUT_LIMIT;
            while (sequence.get(sequence.size() - 1).status() == 200 && sequence.size() < budget) {
                sequence.add(http.send(target.callId(), target.credentials()));
            }
            exhaustion = new Exhaustion(List.copyOf(sequence), limit);
        }
        return exhaustion;
    }

    @Test
    @Order(1)
    @Requests(value = 0, exhaustsTheRateLimit = true)
    @DisplayName("contract · past the rate limit → 429 as documented")
    void pastTheLimitComesA429AsDocumented() {
        Exhaustion run = exhaustion();
        Exchange last = run.last();
        Assumptions.assumeTrue(last.status() != 200, () -> "no 429 after " + run.sequence().size()
                + " requests" + run.limit().stream().mapToObj(l -> " (" + LIMIT + " said " + l + ")").findFirst().orElse("")
                + ": the server may not limit this key so low");
        Expect.that(last.status() == 429, "request " + run.sequence().size() + " for the key's own call, after "
                        + (run.sequence().size() - 1) + " answered 200, is refused as rate limited",
                "status 429 (Rate limit exceeded)", "status " + last.status(), last);
        http.conforms(last);
    }

    @Test
    @Order(2)
    @Requests(0)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · X-RateLimit-Remaining falls by one per request to 0, and the 429 says 0")
    void remainingFallsByOnePerRequestToZero() {
        Exhaustion run = exhaustion();
        Exchange refused = tooManyRequests(run);
        List<Exchange> passed = passed(run);
        Assumptions.assumeTrue(passed.stream().allMatch(e -> e.wholeNumber(REMAINING).isPresent()),
                () -> "the 200s do not all carry a whole-number " + REMAINING
                        + ": 'strict · X-RateLimit-Limit and X-RateLimit-Remaining on every authenticated response' reports that");
        for (int i = 1; i < passed.size(); i++) {
            long before = passed.get(i - 1).wholeNumber(REMAINING).getAsLong();
            long now = passed.get(i).wholeNumber(REMAINING).getAsLong();
            OptionalLong limit = passed.get(i).wholeNumber(LIMIT);
            if (now > before && limit.isPresent() && now == limit.getAsLong() - 1) {
                continue;  // A new window began, and this request was its first.
            }
            Expect.that(now == before - 1, "each request the server lets through takes one from "
                            + REMAINING + " (request " + (i + 1) + " of the sequence)",
                    REMAINING + ": " + (before - 1), REMAINING + ": " + now + " (the request before said " + before + ")",
                    passed.get(i - 1), passed.get(i));
        }
        Exchange lastPassed = passed.get(passed.size() - 1);
        long left = lastPassed.wholeNumber(REMAINING).getAsLong();
        Expect.that(left == 0, "the server refuses only once " + REMAINING + " has reached 0",
                "the last 200 before the 429 says " + REMAINING + ": 0",
                "it said " + REMAINING + ": " + left, lastPassed, refused);
        Expect.that(refused.wholeNumber(REMAINING).orElse(-1) == 0, "the 429 says no request is left",
                REMAINING + ": 0", refused.header(REMAINING).map(v -> REMAINING + ": " + v).orElse("no " + REMAINING + " header"),
                refused);
    }

    @Test
    @Order(3)
    @Requests(0)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · Retry-After on the 429 is whole seconds from 1 to the window")
    void retryAfterIsWholeSecondsWithinTheWindow(TestReporter reporter) {
        Exchange refused = tooManyRequests(exhaustion());
        Optional<String> value = refused.header("Retry-After");
        Optional<Duration> window = target.rateLimitWindow();
        long max = window.map(w -> (w.toMillis() + 999) / 1000).orElse(Long.MAX_VALUE);
        OptionalLong seconds = refused.wholeNumber("Retry-After");
        Expect.that(seconds.isPresent() && seconds.getAsLong() >= 1 && seconds.getAsLong() <= max,
                "a 429 says, in whole seconds, how long until a request passes: at least 1, at most the window",
                "Retry-After: whole seconds, " + (window.isPresent() ? "1 to " + max : "at least 1"),
                value.map(v -> "Retry-After: " + v).orElse("no Retry-After header"), refused);
        if (window.isEmpty()) {
            reporter.publishEntry("note", "the upper bound was not checked: give --rate-limit-window");
        }
    }

    @Test
    @Order(4)
    @Requests(0)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · after waiting Retry-After, a request passes")
    void afterWaitingRetryAfterARequestPasses() {
        Exchange refused = tooManyRequests(exhaustion());
        OptionalLong seconds = refused.wholeNumber("Retry-After");
        Assumptions.assumeTrue(seconds.isPresent(), "the 429 has no whole-seconds Retry-After to wait for: "
                + "'strict · Retry-After on the 429 is whole seconds from 1 to the window' reports that");
        Duration retryAfter = Duration.ofSeconds(seconds.getAsLong());
        Assumptions.assumeTrue(retryAfter.compareTo(target.maxWait()) <= 0, () -> "Retry-After is "
                + Target.seconds(retryAfter) + ", longer than --max-wait " + Target.seconds(target.maxWait())
                + ": not waited for (give --max-wait " + seconds.getAsLong() + "s to check it)");
        // Whole seconds may have rounded the true wait down (29 for 29.6 s): a second more is still telling the truth.
        Duration wait = retryAfter.plus(Http.ROUNDING);
        Duration left = wait.minus(Duration.ofNanos(http.now() - refused.receivedAt()));
        Assumptions.assumeTrue(left.compareTo(http.remaining()) < 0, () -> "waiting " + Target.seconds(wait)
                + " would pass the run's --deadline: not waited for");
        http.pause(left, "Retry-After " + seconds.getAsLong() + " s on the 429, plus " + Target.seconds(Http.ROUNDING)
                + " whole seconds may round away");
        Exchange after = http.send(target.callId(), target.credentials());

        Expect.that(after.status() == 200, "Retry-After tells the truth: once it has passed (give or take the second whole"
                        + " seconds round away), the key's request is served",
                "status 200 after waiting " + Target.seconds(wait) + " (Retry-After " + Target.seconds(retryAfter) + " + "
                        + Target.seconds(Http.ROUNDING) + ")", "status " + after.status(), refused, after);
    }

    @Test
    @Order(5)
    @Requests(0)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · RateLimit r falls by one per request to 0 (IETF fields, when sent)")
    void ietfRemainingFallsByOnePerRequestToZero() {
        Exhaustion run = exhaustion();
        Exchange refused = tooManyRequests(run);
        List<Exchange> passed = passed(run);
        List<IetfFields.Limit> limits = ietfLimits(passed);
        for (int i = 1; i < limits.size(); i++) {
            IetfFields.Limit before = limits.get(i - 1);
            IetfFields.Limit now = limits.get(i);
            if (!now.name().equals(before.name()) || now.remaining() > before.remaining()) {
                continue;  // Another window is the tightest now, or a new window began.
            }
            Expect.that(now.remaining() == before.remaining() - 1, "each request the server lets through takes one from "
                            + "the r of the policy RateLimit names (request " + (i + 1) + " of the sequence)",
                    "RateLimit: \"" + now.name() + "\";r=" + (before.remaining() - 1),
                    "r=" + now.remaining() + " (the request before said r=" + before.remaining() + ")",
                    passed.get(i - 1), passed.get(i));
        }
        IetfFields.Limit atRefusal = ietfLimits(List.of(refused)).get(0);
        Expect.that(atRefusal.remaining() == 0, "the 429's RateLimit says no request is left",
                "RateLimit: \"" + atRefusal.name() + "\";r=0", "r=" + atRefusal.remaining(), refused);
    }

    @Test
    @Order(6)
    @Requests(0)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · the 429's RateLimit reset is not later than its Retry-After (IETF fields, when sent)")
    void ietf429ResetAgreesWithRetryAfter() {
        Exchange refused = tooManyRequests(exhaustion());
        IetfFields.Limit limit = ietfLimits(List.of(refused)).get(0);
        OptionalLong retryAfter = refused.wholeNumber("Retry-After");
        Assumptions.assumeTrue(retryAfter.isPresent(), "the 429 has no whole-seconds Retry-After to compare with: "
                + "'strict · Retry-After on the 429 is whole seconds from 1 to the window' reports that");
        Expect.that(limit.reset() != null && limit.reset() <= retryAfter.getAsLong(),
                "a 429's Retry-After does not point earlier than the reset the RateLimit field announces (the draft's "
                        + "rule), so a client waiting Retry-After finds quota again",
                "RateLimit t at most Retry-After (" + retryAfter.getAsLong() + " s)",
                limit.reset() == null ? "no t in RateLimit" : "t=" + limit.reset() + " s", refused);
    }

    /** The first service limit of each exchange; the case is skipped when the server sends no IETF fields, and fails when one is malformed. */
    private static List<IetfFields.Limit> ietfLimits(List<Exchange> exchanges) {
        Assumptions.assumeTrue(exchanges.stream().allMatch(IetfFields::sent), "the server does not send the IETF "
                + "fields (RateLimit, RateLimit-Policy) on every response here: nothing to check");
        List<IetfFields.Limit> limits = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            List<String> problems = new ArrayList<>();
            Optional<IetfFields.Limit> first = IetfFields.read(exchange, problems).flatMap(IetfFields::first);
            Assumptions.assumeTrue(first.isPresent(), "a RateLimit field is malformed or empty: "
                    + "'strict · RateLimit and RateLimit-Policy, when sent, are well-formed' reports that");
            limits.add(first.get());
        }
        return limits;
    }

    /**
     * The 200s before the 429; the case is skipped when there are none (the quota was gone before the
     * sequence began), since it would compare nothing.
     */
    private static List<Exchange> passed(Exhaustion run) {
        List<Exchange> passed = run.sequence().subList(0, run.sequence().size() - 1);
        Assumptions.assumeFalse(passed.isEmpty(), "the very first request of the sequence was refused: no 200 to compare "
                + "(the cases before it used up the quota); rerun with fewer cases before it, or a larger quota");
        return passed;
    }

    /** The 429 the sequence ended with; the case is skipped when it ended otherwise, since the contract case reports that. */
    private static Exchange tooManyRequests(Exhaustion run) {
        return run.tooManyRequests().orElseThrow(() -> Assumptions.<RuntimeException>abort(
                run.refusal().map(e -> "the sequence ended with a " + e.status() + ", not a 429")
                        .orElse("no 429 after " + run.sequence().size() + " requests")
                        + ": 'contract · past the rate limit → 429 as documented' reports that"));
    }
}
