package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.conformance.FakeVoxworks.Fault;
import ai.voxworks.conformance.Results.CaseResult;
import ai.voxworks.conformance.Results.Group;
import ai.voxworks.conformance.Results.Outcome;
import ai.voxworks.conformance.Target.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite is not tuned to our mock: run as the command line runs it, against a small fake that
 * breaks one rule at a time, exactly the matching case fails, in each profile where the rule
 * applies, and nothing else does. The fake and the run share a manual clock: waits take no time.
 */
class SuiteCanFailTest {

    private static final Set<String> NONE = Set.of();
    /** The contract profile sends none of the requests the rule is about (other methods, HEAD, generated ids). */
    private static final Set<String> NOT_APPLICABLE = null;

    /**
     * Runs the cases against the fake, with every input given, rate limiting exercised, waits off,
     * and seven generated ids (one of each kind), on the fake's clock.
     */
    static Results runAgainst(FakeVoxworks server, Profile profile, Map<String, String> overrides) {
        return runAgainst(server, profile, overrides, Results.QUIET);
    }

    static Results runAgainst(FakeVoxworks server, Profile profile, Map<String, String> overrides, Results.Live live) {
        Map<String, String> settings = new HashMap<>(Map.of(
                Setting.BASE_URL.property, server.baseUrl(),
                Setting.API_KEY.property, FakeVoxworks.KEY,
                Setting.CALL_ID.property, FakeVoxworks.OWN,
                Setting.FOREIGN_CALL_ID.property, FakeVoxworks.FOREIGN,
                Setting.OTHER_API_KEY.property, FakeVoxworks.OTHER_KEY,
                Setting.PROFILE.property, profile.id(),
                Setting.RATE_LIMIT.property, "true",
                Setting.RATE_LIMIT_WINDOW.property, FakeVoxworks.WINDOW,
                Setting.MAX_WAIT.property, "0s"));
        settings.put(Setting.FUZZ.property, "7");
        settings.put(Setting.SEED.property, "42");
        settings.putAll(overrides);
        return ConformanceRun.run(settings, live, server.time() == null ? Http.Time.SYSTEM : server.time().asTime());
    }

    static Set<String> methods(Results results, Outcome outcome) {
        Set<String> names = new TreeSet<>();
        results.cases().stream().filter(c -> c.outcome() == outcome).map(CaseResult::method).forEach(names::add);
        return names;
    }

    static CaseResult only(Results results, String method) {
        return results.cases().stream().filter(c -> c.method().equals(method)).findFirst().orElseThrow();
    }

    static Stream<Arguments> oneBrokenRuleEach() {
        return Stream.of(
                Arguments.of(Fault.LEAKS_FOREIGN_CALL, Set.of("anotherTeamsCallIs404"), Set.of("anotherTeamsCallIs404")),
                Arguments.of(Fault.DURATION_AS_STRING, Set.of("ownCallIs200WithThatCall"), Set.of("ownCallIs200WithThatCall")),
                Arguments.of(Fault.NO_RETRY_AFTER, NONE, Set.of("retryAfterIsWholeSecondsWithinTheWindow")),
                Arguments.of(Fault.RETRY_AFTER_AS_DATE, NONE, Set.of("retryAfterIsWholeSecondsWithinTheWindow")),
                Arguments.of(Fault.REMAINING_STUCK, NONE, Set.of("remainingFallsByOnePerRequestToZero")),
                Arguments.of(Fault.LIMITED_AS_404, Set.of("pastTheLimitComesA429AsDocumented"),
                        Set.of("pastTheLimitComesA429AsDocumented")),
                Arguments.of(Fault.NO_RATE_LIMIT_HEADERS_ON_SUCCESS, NONE, Set.of("rateLimitHeadersOnEveryAuthenticatedResponse")),
                Arguments.of(Fault.NO_WWW_AUTHENTICATE, NONE, Set.of("every401CarriesWwwAuthenticateBearer")),
                Arguments.of(Fault.DIFFERENT_404_FOR_FOREIGN, NONE, Set.of("anotherTeamsCallGetsTheSame404AsAnUnknownId")),
                Arguments.of(Fault.IETF_MALFORMED, NONE, Set.of("ietfFieldsAreWellFormed")),
                Arguments.of(Fault.IETF_REMAINING_STUCK, NONE, Set.of("ietfRemainingFallsByOnePerRequestToZero")),
                Arguments.of(Fault.IETF_RESET_AFTER_RETRY_AFTER, NONE, Set.of("ietf429ResetAgreesWithRetryAfter")),
                Arguments.of(Fault.ACCEPTS_POST, NOT_APPLICABLE, Set.of("otherMethodsAre405WithAllow")),
                Arguments.of(Fault.HEAD_WITH_BODY, NOT_APPLICABLE, Set.of("headAnswersAsGetWithoutABody")),
                Arguments.of(Fault.SERVER_ERROR_FOR_ODD_ID, NOT_APPLICABLE, Set.of("generatedIdsGetNoServerError")),
                Arguments.of(Fault.PLAIN_TEXT_400_FOR_ODD_ID, NOT_APPLICABLE, Set.of("generatedIdsGetJsonErrors")),
                Arguments.of(Fault.DIFFERENT_404_FOR_ODD_ID, NOT_APPLICABLE, Set.of("generatedIdsGetTheSame404AsAnUnknownId")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneBrokenRuleEach")
    void oneBrokenRuleFailsExactlyItsCaseInEachProfile(Fault fault, Set<String> contract, Set<String> strict) {
        if (contract != NOT_APPLICABLE) {
            try (FakeVoxworks server = FakeVoxworks.onManualTime(fault)) {
                Results contractRun = runAgainst(server, Profile.CONTRACT, Map.of());
                assertThat(methods(contractRun, Outcome.FAILED)).as("contract").isEqualTo(contract);
            }
        }
        try (FakeVoxworks server = FakeVoxworks.onManualTime(fault)) {
            Results strictRun = runAgainst(server, Profile.STRICT, Map.of());
            assertThat(methods(strictRun, Outcome.FAILED)).as("strict").isEqualTo(strict);
            assertThat(methods(strictRun, Outcome.RATE_LIMITED)).isEmpty();
            assertThat(methods(strictRun, Outcome.NOT_RUN)).isEmpty();
        }
    }

    @Test
    void aServerThatKeepsEveryRulePassesEveryCaseOfBothProfiles() {
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.IETF)) {
            Results contract = runAgainst(server, Profile.CONTRACT, Map.of());

            assertThat(contract.cases()).extracting(CaseResult::outcome).containsOnly(Outcome.PASSED);
            assertThat(contract.cases()).hasSize(14);
        }
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.IETF)) {
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.MAX_WAIT.property, "2s",
                    Setting.MAX_RESPONSE_TIME.property, "1s"));

            assertThat(strict.cases()).extracting(CaseResult::outcome).containsOnly(Outcome.PASSED);
            assertThat(strict.cases()).hasSize(29);
        }
    }

    @Test
    void aServerWithoutTheIetfFieldsSkipsTheirCasesSayingSo() {
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.NONE)) {
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.MAX_WAIT.property, "2s"));

            assertThat(methods(strict, Outcome.FAILED)).isEmpty();
            assertThat(methods(strict, Outcome.SKIPPED)).containsExactly("everyResponseWithinTheBudget",
                    "ietf429ResetAgreesWithRetryAfter", "ietfFieldsAreWellFormed", "ietfRemainingFallsByOnePerRequestToZero");
            assertThat(only(strict, "ietfFieldsAreWellFormed").reason()).contains("sends no IETF fields");
            assertThat(only(strict, "everyResponseWithinTheBudget").reason())
                    .isEqualTo("no budget given: --max-response-time (VOXWORKS_CONFORMANCE_MAX_RESPONSE_TIME)");
        }
    }

    @Test
    void aServerThatNeverAnswersFailsOneCaseAfterOneTimeoutAndRunsNoOther() {
        try (FakeVoxworks server = new FakeVoxworks(Fault.NEVER_ANSWERS)) {
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.TIMEOUT.property, "300ms"));

            assertThat(methods(strict, Outcome.FAILED)).containsExactly("ownCallIs200WithThatCall");
            assertThat(only(strict, "ownCallIs200WithThatCall").reason())
                    .isEqualTo("no answer in 0.3 s (--timeout): GET " + server.baseUrl() + "/api/v1/get-call/own_call_1");
            assertThat(strict.cases()).filteredOn(c -> !c.method().equals("ownCallIs200WithThatCall"))
                    .isNotEmpty().allSatisfy(c -> {
                        assertThat(c.outcome()).isEqualTo(Outcome.NOT_RUN);
                        assertThat(c.reason()).isEqualTo("not run: an earlier request got no answer (no answer in 0.3 s "
                                + "(--timeout))");
                    });
            assertThat(server.requestCount()).as("the probe at most: no case waited a timeout of its own")
                    .isLessThanOrEqualTo(1);
            assertThat(strict.allPassed()).isFalse();
        }
    }

    @Test
    void aRunPastItsDeadlineFailsTheCaseItReachedAndRunsNoOther() {
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.SLOW)) {
            // The probe and two requests take 3 s each (of the fake's clock): the deadline comes before the third case.
            Results contract = runAgainst(server, Profile.CONTRACT, Map.of(Setting.DEADLINE.property, "9s"));

            List<CaseResult> cases = contract.cases();
            assertThat(cases).filteredOn(c -> c.outcome() == Outcome.FAILED).singleElement()
                    .satisfies(c -> assertThat(c.reason()).startsWith("the run reached its --deadline 9 s"));
            int failed = cases.indexOf(cases.stream().filter(c -> c.outcome() == Outcome.FAILED).findFirst().orElseThrow());
            assertThat(cases.subList(0, failed)).extracting(CaseResult::outcome).containsOnly(Outcome.PASSED);
            assertThat(cases.subList(failed + 1, cases.size())).isNotEmpty().allSatisfy(c -> {
                assertThat(c.outcome()).isEqualTo(Outcome.NOT_RUN);
                assertThat(c.reason()).isEqualTo("not run: the run reached its --deadline 9 s");
            });
            assertThat(server.requestCount()).isEqualTo(3);
        }
    }

    @Test
    void aSlowResponseFailsOnlyTheResponseTimeCase() {
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.SLOW_ONCE)) {
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.MAX_RESPONSE_TIME.property, "1s"));

            assertThat(methods(strict, Outcome.FAILED)).containsExactly("everyResponseWithinTheBudget");
            assertThat(only(strict, "everyResponseWithinTheBudget").details()).contains(
                    "expected:   every response within 1s", "1 of ", "the slowest 2000 ms (GET " + server.baseUrl()
                            + "/api/v1/get-call/conformance_no_such_call_7c1d)", "→ 404 in 2000 ms");
        }
    }

    @Test
    void aRetryAfterThatLiesFailsTheWaitingCase() {
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.RETRY_AFTER_LIES)) {
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.MAX_WAIT.property, "2s"));

            assertThat(methods(strict, Outcome.FAILED)).containsExactly("afterWaitingRetryAfterARequestPasses");
            assertThat(only(strict, "afterWaitingRetryAfterARequestPasses").details())
                    .contains("expected:   status 200 after waiting 2 s (Retry-After 1 s + 1 s)", "actual:     status 429")
                    .containsIgnoringCase("Retry-After: 1");
        }
    }

    @Test
    void aRetryAfterRoundedDownToWholeSecondsStillHolds() {
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.RETRY_AFTER_ROUNDED_DOWN)) {
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.MAX_WAIT.property, "2s"));

            assertThat(methods(strict, Outcome.FAILED)).isEmpty();
            assertThat(only(strict, "afterWaitingRetryAfterARequestPasses").outcome()).isEqualTo(Outcome.PASSED);
            assertThat(server.time().waits()).as("Retry-After 1 s said, 1.6 s meant: waited 1 s + 1 s")
                    .containsExactly(Duration.ofSeconds(2));
        }
    }

    @Test
    void a429WhereAnotherStatusWasExpectedIsReportedAsRateLimitedNeverAsAFailedRule() {
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.RATE_LIMITED_EARLY)) {
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.RATE_LIMIT.property, "false",
                    Setting.MAX_WAIT.property, "10s"));

            assertThat(methods(strict, Outcome.FAILED)).isEmpty();
            assertThat(methods(strict, Outcome.RATE_LIMITED)).contains("idsWithReservedOrNonAsciiCharactersAre404",
                    "anotherTeamsCallIs404", "anotherTeamsCallGetsTheSame404AsAnUnknownId", "headAnswersAsGetWithoutABody",
                    "generatedIdsGetNoServerError");
            assertThat(strict.cases()).filteredOn(c -> c.outcome() == Outcome.RATE_LIMITED).allSatisfy(c -> {
                assertThat(c.reason()).isEqualTo("rate limited (Retry-After 30 s)");
                assertThat(c.details()).contains("longer than --max-wait 10 s, so it was not waited for", "→ 429")
                        .doesNotContain("expected", "must not reveal");
            });
        }
    }

    @Test
    void aShortRetryAfterIsWaitedForOnceSayingSoAndTheCasePasses() {
        List<String> waits = new ArrayList<>();
        Results.Live live = new Results.Live() {
            @Override
            public void started(Group group) {
            }

            @Override
            public void finished(Group group, CaseResult result) {
            }

            @Override
            public void waiting(Group group, String caseName, String line) {
                waits.add(caseName + ": " + line);
            }
        };
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.LIMITED_ONCE)) {
            Results contract = runAgainst(server, Profile.CONTRACT, Map.of(Setting.MAX_WAIT.property, "2s",
                    Setting.RATE_LIMIT.property, "false"), live);

            assertThat(contract.cases()).extracting(CaseResult::outcome).containsOnly(Outcome.PASSED, Outcome.SKIPPED);
            assertThat(methods(contract, Outcome.PASSED)).contains("ownCallIs200WithThatCall");
            assertThat(waits).containsExactly("contract · your team's call → 200 with that call: waiting 2 s: "
                    + "Retry-After 1 s, plus 1 s whole seconds may round away");
            assertThat(server.time().waits()).containsExactly(Duration.ofSeconds(2));
        }
    }

    @Test
    void missingInputIsSkippedWithAReasonNotPassed() {
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.LEAKS_FOREIGN_CALL)) {
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.FOREIGN_CALL_ID.property, "",
                    Setting.OTHER_API_KEY.property, "", Setting.RATE_LIMIT.property, "false", Setting.FUZZ.property, "0"));

            assertThat(methods(strict, Outcome.FAILED)).isEmpty();
            assertThat(methods(strict, Outcome.SKIPPED)).containsExactly("afterWaitingRetryAfterARequestPasses",
                    "anotherTeamsCallGetsTheSame404AsAnUnknownId", "anotherTeamsCallIs404", "everyResponseWithinTheBudget",
                    "generatedIdsGetJsonErrors", "generatedIdsGetNoServerError", "generatedIdsGetTheSame404AsAnUnknownId",
                    "ietf429ResetAgreesWithRetryAfter", "ietfFieldsAreWellFormed", "ietfRemainingFallsByOnePerRequestToZero",
                    "pastTheLimitComesA429AsDocumented", "remainingFallsByOnePerRequestToZero",
                    "retryAfterIsWholeSecondsWithinTheWindow");
            assertThat(only(strict, "anotherTeamsCallIs404").reason())
                    .isEqualTo("no call of another team given: --foreign-call-id (VOXWORKS_FOREIGN_CALL_ID)");
            assertThat(only(strict, "generatedIdsGetNoServerError").reason()).isEqualTo("--fuzz 0: no ids generated");
        }
    }

    @Test
    void aSequenceWithNoSuccessBeforeThe429ComparesNothingAndSaysSo() {
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.RATE_LIMITED_EARLY)) {
            // Two requests of quota: the cases before the rate-limit ones use them up, so the sequence begins with the 429.
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.FUZZ.property, "0"));

            assertThat(only(strict, "remainingFallsByOnePerRequestToZero").outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(only(strict, "remainingFallsByOnePerRequestToZero").reason())
                    .startsWith("the very first request of the sequence was refused: no 200 to compare");
        }
    }

    @Test
    void theSameSeedSendsTheSameIds() {
        Set<String> known = Set.of("c1");
        assertThat(GeneratedIds.generate(42, 14, known)).isEqualTo(GeneratedIds.generate(42, 14, known))
                .isNotEqualTo(GeneratedIds.generate(43, 14, known));
        assertThat(GeneratedIds.generate(42, 7, known)).extracting(GeneratedIds.Id::kind)
                .containsExactlyElementsOf(GeneratedIds.KINDS);
        assertThat(GeneratedIds.generate(42, 7, known).get(2).value()).contains("\u0000");
    }
}
