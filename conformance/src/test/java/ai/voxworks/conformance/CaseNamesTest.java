package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.conformance.FakeVoxworks.Fault;
import ai.voxworks.conformance.Results.CaseResult;
import ai.voxworks.conformance.Target.Setting;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** What a reader of a report relies on: each case names its profile first, and the header's estimate holds. */
class CaseNamesTest {

    private static List<Method> caseMethods() {
        return ConformanceRun.CASES.stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class)).toList();
    }

    @Test
    void eachCaseNamesTheProfileItsTagPutsItIn() {
        assertThat(caseMethods()).hasSize(21);
        for (Method m : caseMethods()) {
            Tag tag = m.getAnnotation(Tag.class);
            String prefix = tag != null && tag.value().equals(Profile.STRICT_TAG) ? "strict · " : "contract · ";
            assertThat(m.getAnnotation(DisplayName.class).value()).as(m.getName()).startsWith(prefix);
            ParameterizedTest parameterized = m.getAnnotation(ParameterizedTest.class);
            if (parameterized != null) {
                assertThat(parameterized.name()).as(m.getName()).startsWith(prefix);
            }
            assertThat(m.getAnnotation(Requests.class)).as(m.getName() + " says how many requests it sends").isNotNull();
        }
    }

    @Test
    void parameterisedCasesAreNamedByTheirInput() {
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.NONE)) {
            Results results = SuiteCanFailTest.runAgainst(server, Profile.CONTRACT, Map.of(Setting.RATE_LIMIT.property, "false"));

            assertThat(results.cases()).extracting(CaseResult::name).contains("contract · id \"a/b\" → 404",
                    "contract · id \"ü-call\" → 404", "contract · an empty Bearer token → 401");
        }
    }

    @Test
    void theHeadersEstimateIsTheRequestsSentWhenTheRateLimitIsLeftAlone() {
        try (FakeVoxworks server = FakeVoxworks.onManualTime(Fault.NONE)) {
            Results results = SuiteCanFailTest.runAgainst(server, Profile.STRICT, Map.of(Setting.RATE_LIMIT.property, "false"));

            Results.Group run = results.groups().get(0);
            // The probe, 26 for the GET cases, 4 other methods, HEAD and its GET, an unknown id and the 7 generated ones.
            assertThat(run.estimate).isEqualTo(run.requests).isEqualTo(server.requestCount()).isEqualTo(41);
        }
    }
}
