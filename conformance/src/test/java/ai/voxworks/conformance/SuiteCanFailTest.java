package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The suite is not tuned to our mock: run through the JUnit Platform launcher against a small
 * fake that breaks one rule at a time, exactly the matching cases fail.
 */
class SuiteCanFailTest {

    /** Names of the suite's cases that failed, and of those that were skipped. */
    record Outcome(Set<String> failed, Set<String> skipped, int passed) {
    }

    private static Outcome runSuiteAgainst(FakeVoxworks server, boolean withForeignCall) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(GetCallConformanceTest.class))
                .configurationParameters(Map.of(
                        Target.BASE_URL, server.baseUrl(),
                        Target.API_KEY, FakeVoxworks.KEY,
                        Target.CALL_ID, FakeVoxworks.OWN,
                        Target.FOREIGN_CALL_ID, withForeignCall ? FakeVoxworks.FOREIGN : " ",
                        Target.RATE_LIMIT, "true"));
        LauncherDiscoveryRequest discovery = request.build();
        Set<String> failed = new TreeSet<>();
        Set<String> skipped = new TreeSet<>();
        int[] passed = {0};
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    return;
                }
                String name = id.getLegacyReportingName().replaceAll("\\(.*", "");
                switch (result.getStatus()) {
                    case FAILED -> failed.add(name);
                    case ABORTED -> skipped.add(name);
                    case SUCCESSFUL -> passed[0]++;
                }
            }
        };
        LauncherFactory.create().execute(discovery, listener);
        return new Outcome(failed, skipped, passed[0]);
    }

    @Test
    void aServerThatKeepsEveryRulePassesEveryCase() throws Exception {
        try (FakeVoxworks server = new FakeVoxworks(FakeVoxworks.Fault.NONE)) {
            Outcome outcome = runSuiteAgainst(server, true);

            assertThat(outcome.failed()).isEmpty();
            assertThat(outcome.skipped()).isEmpty();
            assertThat(outcome.passed()).isEqualTo(14);
        }
    }

    @Test
    void leakingAnotherTeamsCallFailsThatCase() throws Exception {
        try (FakeVoxworks server = new FakeVoxworks(FakeVoxworks.Fault.LEAKS_FOREIGN_CALL)) {
            assertThat(runSuiteAgainst(server, true).failed()).containsExactly("anotherTeamsCallIs404IdenticalToAnUnknownOne");
        }
    }

    @Test
    void a429WithoutRetryAfterFailsTheRateLimitCase() throws Exception {
        try (FakeVoxworks server = new FakeVoxworks(FakeVoxworks.Fault.NO_RETRY_AFTER)) {
            assertThat(runSuiteAgainst(server, true).failed()).containsExactly("pastTheRateLimitIs429WithRetryAfterAndQuotaHeaders");
        }
    }

    @Test
    void durationAsAStringFailsEveryCaseThatReadsTheCall() throws Exception {
        try (FakeVoxworks server = new FakeVoxworks(FakeVoxworks.Fault.DURATION_AS_STRING)) {
            assertThat(runSuiteAgainst(server, true).failed())
                    .containsExactly("knownCallIs200WithThatCall", "pastTheRateLimitIs429WithRetryAfterAndQuotaHeaders");
        }
    }

    @Test
    void missingInputIsSkippedWithAReasonNotPassed() throws Exception {
        try (FakeVoxworks server = new FakeVoxworks(FakeVoxworks.Fault.LEAKS_FOREIGN_CALL)) {
            Outcome outcome = runSuiteAgainst(server, false);

            assertThat(outcome.skipped()).containsExactly("anotherTeamsCallIs404IdenticalToAnUnknownOne");
            assertThat(outcome.failed()).isEmpty();
        }
    }
}
