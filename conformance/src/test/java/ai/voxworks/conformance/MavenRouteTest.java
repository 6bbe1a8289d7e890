package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import ai.voxworks.conformance.FakeVoxworks.Fault;
import ai.voxworks.conformance.Results.CaseResult;
import ai.voxworks.conformance.Results.Group;
import ai.voxworks.conformance.Results.Outcome;
import ai.voxworks.conformance.Target.Setting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.LauncherSession;

/**
 * The Maven route, as Surefire runs it (both suite classes in one launch): against another server
 * only the profile asked for runs, so that its rate-limit cases cannot use up the quota the other
 * profile's cases need; the other suite says why it did not run.
 */
class MavenRouteTest {

    private static Results launchBothSuites(FakeVoxworks server, String profile) {
        Map<String, String> parameters = new HashMap<>(Map.of(
                Setting.BASE_URL.property, server.baseUrl(),
                Setting.API_KEY.property, FakeVoxworks.KEY,
                Setting.CALL_ID.property, FakeVoxworks.OWN,
                Setting.FOREIGN_CALL_ID.property, FakeVoxworks.FOREIGN,
                Setting.OTHER_API_KEY.property, FakeVoxworks.OTHER_KEY,
                Setting.RATE_LIMIT.property, "true",
                Setting.MAX_WAIT.property, "0s",
                Setting.FUZZ.property, "7",
                TargetExtension.PARAMETERS_ONLY, "true"));
        if (profile != null) {
            parameters.put(Setting.PROFILE.property, profile);
        }
        Results results = new Results();
        try (LauncherSession session = LauncherFactory.openSession(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build())) {
            session.getStore().put(org.junit.platform.engine.support.store.Namespace.create(TargetExtension.NS.getParts()),
                    Http.Time.class, server.time().asTime());
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(StrictProfileTest.class), selectClass(ContractProfileTest.class))
                    .configurationParameters(parameters).enableImplicitConfigurationParameters(false).build(), results);
        }
        return results;
    }

    @Test
    void againstAnotherServerOnlyTheContractSuiteRunsByDefaultAndTheStrictOneSaysWhy() {
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.NONE)) {
            Results results = launchBothSuites(server, null);

            Group contract = results.groups().stream().filter(g -> g.profile().equals("contract")).findFirst().orElseThrow();
            Group strict = results.groups().stream().filter(g -> g.profile().equals("strict")).findFirst().orElseThrow();
            assertThat(contract.cases).extracting(CaseResult::outcome).containsOnly(Outcome.PASSED);
            assertThat(contract.cases).extracting(CaseResult::method).contains("pastTheLimitComesA429AsDocumented");
            assertThat(strict.cases).isNotEmpty().allSatisfy(c -> {
                assertThat(c.outcome()).isEqualTo(Outcome.SKIPPED);
                assertThat(c.reason()).startsWith("this suite checks the strict profile; against another server the Maven "
                        + "route runs only the one asked for (voxworks.conformance.profile=contract)");
            });
            assertThat(strict.summary).containsKey(ConsoleReport.NOT_RUN);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            new ConsoleReport(new PrintStream(printed, true, StandardCharsets.UTF_8), t -> t).all(results);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("  not run     this suite checks the strict profile")
                    .contains("0 passed, 0 failed, 0 rate limited, 4 skipped (profile strict")
                    .doesNotContain("SKIP          GET /api/v1/get-call/{call_id} (every case in it)");
        }
    }

    @Test
    void askedForStrictTheStrictSuiteRunsAloneAndNothingIsRateLimited() {
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.NONE)) {
            Results results = launchBothSuites(server, "strict");

            assertThat(results.cases()).extracting(CaseResult::outcome).doesNotContain(Outcome.FAILED, Outcome.RATE_LIMITED);
            assertThat(results.cases()).filteredOn(c -> c.outcome() == Outcome.PASSED).extracting(CaseResult::name)
                    .contains("strict · X-RateLimit-Remaining falls by one per request to 0, and the 429 says 0",
                            "contract · past the rate limit → 429 as documented");
            assertThat(results.groups()).filteredOn(g -> g.profile().equals("contract")).singleElement()
                    .satisfies(g -> assertThat(g.cases).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.SKIPPED)));
        }
    }
}
