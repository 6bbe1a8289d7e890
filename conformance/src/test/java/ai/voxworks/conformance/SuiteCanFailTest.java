package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.conformance.FakeVoxworks.Fault;
import ai.voxworks.conformance.Results.CaseResult;
import ai.voxworks.conformance.Results.Outcome;
import ai.voxworks.conformance.Target.Setting;
import java.util.HashMap;
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
 * breaks one rule at a time, exactly the matching cases fail, in each profile where the rule
 * applies, and nothing else does.
 */
class SuiteCanFailTest {

    private static final Set<String> NONE = Set.of();

    /** Runs the cases against the fake, with every input given, rate limiting exercised and waits off. */
    static Results runAgainst(FakeVoxworks server, Profile profile, Map<String, String> overrides) {
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
        settings.putAll(overrides);
        return ConformanceRun.run(settings, Results.QUIET);
    }

    static Set<String> methods(Results results, Outcome outcome) {
        Set<String> names = new TreeSet<>();
        results.cases().stream().filter(c -> c.outcome() == outcome).map(CaseResult::method).forEach(names::add);
        return names;
    }

    static Stream<Arguments> oneBrokenRuleEach() {
        Set<String> readsACall = Set.of("ownCallIs200WithThatCall", "otherKeyReadsItsOwnCallAndGets404ForYours",
                "pastTheLimitComesA429AsDocumented");
        return Stream.of(
                Arguments.of(Fault.LEAKS_FOREIGN_CALL,
                        Set.of("anotherTeamsCallIs404", "otherKeyReadsItsOwnCallAndGets404ForYours"),
                        Set.of("anotherTeamsCallIs404", "otherKeyReadsItsOwnCallAndGets404ForYours")),
                Arguments.of(Fault.DURATION_AS_STRING, readsACall,
                        union(readsACall, Set.of("rateLimitHeadersOnEveryAuthenticatedResponse", "ietfFieldsAreWellFormed"))),
                Arguments.of(Fault.NO_RETRY_AFTER, NONE, Set.of("retryAfterIsWholeSecondsWithinTheWindow")),
                Arguments.of(Fault.RETRY_AFTER_AS_DATE, NONE, Set.of("retryAfterIsWholeSecondsWithinTheWindow")),
                Arguments.of(Fault.REMAINING_STUCK, NONE, Set.of("remainingFallsByOnePerRequestToZero")),
                Arguments.of(Fault.LIMITED_AS_404, Set.of("pastTheLimitComesA429AsDocumented"),
                        Set.of("pastTheLimitComesA429AsDocumented")),
                Arguments.of(Fault.NO_RATE_LIMIT_HEADERS_ON_SUCCESS, NONE, Set.of("rateLimitHeadersOnEveryAuthenticatedResponse")),
                Arguments.of(Fault.NO_WWW_AUTHENTICATE, NONE, Set.of("every401CarriesWwwAuthenticateBearer")),
                Arguments.of(Fault.DIFFERENT_404_FOR_FOREIGN, NONE, Set.of("anotherTeamsCallGetsTheSame404AsAnUnknownId",
                        "otherKeyGetsTheSame404ForYourCallAsForAnUnknownId")),
                Arguments.of(Fault.IETF_MALFORMED, NONE, Set.of("ietfFieldsAreWellFormed")),
                Arguments.of(Fault.IETF_REMAINING_STUCK, NONE, Set.of("ietfRemainingFallsByOnePerRequestToZero")),
                Arguments.of(Fault.IETF_RESET_AFTER_RETRY_AFTER, NONE, Set.of("ietf429ResetAgreesWithRetryAfter")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneBrokenRuleEach")
    void oneBrokenRuleFailsExactlyItsCasesInEachProfile(Fault fault, Set<String> contract, Set<String> strict) {
        try (FakeVoxworks server = new FakeVoxworks(fault)) {
            Results contractRun = runAgainst(server, Profile.CONTRACT, Map.of());
            assertThat(methods(contractRun, Outcome.FAILED)).as("contract").isEqualTo(contract);
        }
        try (FakeVoxworks server = new FakeVoxworks(fault)) {
            Results strictRun = runAgainst(server, Profile.STRICT, Map.of());
            assertThat(methods(strictRun, Outcome.FAILED)).as("strict").isEqualTo(strict);
            assertThat(methods(strictRun, Outcome.RATE_LIMITED)).isEmpty();
        }
    }

    @Test
    void aServerThatKeepsEveryRulePassesEveryCaseOfBothProfiles() {
        try (FakeVoxworks server = new FakeVoxworks(Fault.IETF)) {
            Results contract = runAgainst(server, Profile.CONTRACT, Map.of());

            assertThat(contract.cases()).extracting(CaseResult::outcome).containsOnly(Outcome.PASSED);
            assertThat(contract.cases()).hasSize(15);
        }
        try (FakeVoxworks server = new FakeVoxworks(Fault.IETF)) {
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.MAX_WAIT.property, "2s"));

            assertThat(strict.cases()).extracting(CaseResult::outcome).containsOnly(Outcome.PASSED);
            assertThat(strict.cases()).hasSize(25);
        }
    }

    @Test
    void aServerWithoutTheIetfFieldsSkipsTheirCasesSayingSo() {
        try (FakeVoxworks server = new FakeVoxworks(Fault.NONE)) {
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.MAX_WAIT.property, "2s"));

            assertThat(methods(strict, Outcome.FAILED)).isEmpty();
            assertThat(methods(strict, Outcome.SKIPPED)).containsExactly("ietf429ResetAgreesWithRetryAfter",
                    "ietfFieldsAreWellFormed", "ietfRemainingFallsByOnePerRequestToZero");
            assertThat(strict.cases()).filteredOn(c -> c.method().equals("ietfFieldsAreWellFormed")).singleElement()
                    .extracting(CaseResult::reason).asString().contains("sends no IETF fields");
        }
    }

    @Test
    void aRetryAfterThatLiesFailsTheWaitingCase() {
        try (FakeVoxworks server = new FakeVoxworks(Fault.RETRY_AFTER_LIES)) {
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.MAX_WAIT.property, "2s"));

            assertThat(methods(strict, Outcome.FAILED)).containsExactly("afterWaitingRetryAfterARequestPasses");
            assertThat(strict.cases()).filteredOn(c -> c.outcome() == Outcome.FAILED).singleElement()
                    .satisfies(c -> assertThat(c.details()).contains("expected:   status 200 after waiting 1 s",
                            "actual:     status 429").containsIgnoringCase("Retry-After: 1"));
        }
    }

    @Test
    void a429WhereAnotherStatusWasExpectedIsReportedAsRateLimitedNeverAsAFailedRule() {
        try (FakeVoxworks server = new FakeVoxworks(Fault.RATE_LIMITED_EARLY)) {
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.RATE_LIMIT.property, "false",
                    Setting.MAX_WAIT.property, "10s"));

            assertThat(methods(strict, Outcome.FAILED)).isEmpty();
            assertThat(methods(strict, Outcome.RATE_LIMITED)).contains("idsWithReservedOrNonAsciiCharactersAre404",
                    "anotherTeamsCallIs404", "anotherTeamsCallGetsTheSame404AsAnUnknownId");
            assertThat(strict.cases()).filteredOn(c -> c.outcome() == Outcome.RATE_LIMITED).allSatisfy(c -> {
                assertThat(c.reason()).isEqualTo("rate limited (Retry-After 30 s)");
                assertThat(c.details()).contains("longer than --max-wait 10 s, so it was not waited for", "→ 429")
                        .doesNotContain("expected", "must not reveal");
            });
        }
    }

    @Test
    void aShortRetryAfterIsWaitedForOnceAndTheCasePasses() {
        try (FakeVoxworks server = new FakeVoxworks(Fault.LIMITED_ONCE)) {
            Results contract = runAgainst(server, Profile.CONTRACT, Map.of(Setting.MAX_WAIT.property, "2s",
                    Setting.RATE_LIMIT.property, "false"));

            assertThat(contract.cases()).extracting(CaseResult::outcome).containsOnly(Outcome.PASSED, Outcome.SKIPPED);
            assertThat(methods(contract, Outcome.PASSED)).contains("ownCallIs200WithThatCall");
        }
    }

    @Test
    void missingInputIsSkippedWithAReasonNotPassed() {
        try (FakeVoxworks server = new FakeVoxworks(Fault.LEAKS_FOREIGN_CALL)) {
            Results strict = runAgainst(server, Profile.STRICT, Map.of(Setting.FOREIGN_CALL_ID.property, "",
                    Setting.OTHER_API_KEY.property, "", Setting.RATE_LIMIT.property, "false"));

            assertThat(methods(strict, Outcome.FAILED)).isEmpty();
            assertThat(methods(strict, Outcome.SKIPPED)).containsExactly("afterWaitingRetryAfterARequestPasses",
                    "anotherTeamsCallGetsTheSame404AsAnUnknownId", "anotherTeamsCallIs404",
                    "ietf429ResetAgreesWithRetryAfter", "ietfFieldsAreWellFormed", "ietfRemainingFallsByOnePerRequestToZero",
                    "otherKeyGetsTheSame404ForYourCallAsForAnUnknownId", "otherKeyReadsItsOwnCallAndGets404ForYours",
                    "pastTheLimitComesA429AsDocumented", "remainingFallsByOnePerRequestToZero",
                    "retryAfterIsWholeSecondsWithinTheWindow");
            assertThat(strict.cases()).filteredOn(c -> c.method().equals("anotherTeamsCallIs404")).singleElement()
                    .extracting(CaseResult::reason).isEqualTo("no call of another team given: --foreign-call-id (VOXWORKS_FOREIGN_CALL_ID)");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
