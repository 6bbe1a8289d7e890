package ai.voxworks.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.mock.InvalidFixturesException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** Mistakes in setting the mock up fail early, saying what is wrong. */
class SetUpMistakesTest {

    /** What the failed class or test container threw: exactly one failed. */
    private static Throwable failureOf(List<Event> failed) {
        assertThat(failed).hasSize(1);
        return failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    private static Throwable classFailure(EngineExecutionResults results) {
        results.testEvents().assertStatistics(stats -> stats.started(0));
        return failureOf(results.containerEvents().failed().list());
    }

    @Test
    void invalidFixturesFailTheClassWithEveryProblemAndNoTestRuns() {
        Throwable failure = classFailure(TestKit.run(InvalidFixtures.class));

        assertThat(failure).isInstanceOf(InvalidFixturesException.class).hasNoCause();
        assertThat(failure.getMessage())
                .contains("1 problem in the fixtures at")
                .contains("calls/call_bad.json: /duration: string found, [integer, null] expected");
    }

    @Test
    void aMissingFixturesDirectorySaysWhichDirectory() {
        Throwable failure = classFailure(TestKit.run(MissingFixtures.class));

        assertThat(failure).isInstanceOf(InvalidFixturesException.class).hasMessageContaining("src/test/no-such-dir");
    }

    @Test
    void aBadAttributeFailsTheClassNamingIt() {
        Throwable failure = classFailure(TestKit.run(BadRateLimit.class));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@VoxworksMockTest(rateLimit) on " + BadRateLimit.class.getName() + ": ")
                .hasMessageContaining("'five per minute' is not a rate limit");
        assertThat(classFailure(TestKit.run(BadLatency.class)))
                .hasMessageStartingWith("@VoxworksMockTest(latency) on ")
                .hasMessageContaining("latency must be from 0ms to 120s, not 300s");
    }

    @Test
    void aBadBuilderSettingFailsAtBuild() {
        assertThatThrownBy(() -> VoxworksMockExtension.builder().rateLimit("lots"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lots' is not a rate limit");
        assertThatThrownBy(() -> VoxworksMockExtension.builder().latency(Duration.ofMinutes(5)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
    }

    @Test
    void theAnnotationAndAFieldOnOneClassAreRefusedBeforeAnyTest() {
        Throwable failure = classFailure(TestKit.run(BothStyles.class));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining(BothStyles.class.getName() + " has both @VoxworksMockTest and a "
                        + "@RegisterExtension VoxworksMockExtension field (mock): use one of them.");
    }

    @Test
    void theAnnotationAndAnInstanceFieldToo() {
        Throwable failure = classFailure(TestKit.run(BothStylesInstanceField.class));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("has both @VoxworksMockTest and a @RegisterExtension VoxworksMockExtension field");
    }

    @Test
    void twoFieldsAreTwoMocksAndAParameterIsRefusedAsAmbiguous() {
        EngineExecutionResults results = TestKit.run(TwoFields.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(failureOf(results.testEvents().failed().list()))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("has 2 VoxworksMockExtension fields (first, second)");
    }

    @Test
    void aPerMethodMockCannotBeInjectedIntoBeforeAll() {
        Throwable failure = classFailure(TestKit.run(PerMethodInBeforeAll.class));

        assertThat(failure).isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("inject it into a test or a @BeforeEach method");
    }

    @Test
    void aFieldWithoutRegisterExtensionSaysSoWhenUsed() {
        VoxworksMockExtension forgotten = VoxworksMockExtension.builder().build();

        assertThatThrownBy(forgotten::client).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Is the field annotated with @RegisterExtension?");
    }

    @VoxworksMockTest(fixturesDir = "src/test/fixtures/invalid")
    @ExtendWith(TestKit.Inner.class)
    static class InvalidFixtures {
        @Test
        void neverRuns() {
        }
    }

    @VoxworksMockTest(fixturesDir = "src/test/no-such-dir")
    @ExtendWith(TestKit.Inner.class)
    static class MissingFixtures {
        @Test
        void neverRuns() {
        }
    }

    @VoxworksMockTest(rateLimit = "five per minute")
    @ExtendWith(TestKit.Inner.class)
    static class BadRateLimit {
        @Test
        void neverRuns() {
        }
    }

    @VoxworksMockTest(latency = "5m")
    @ExtendWith(TestKit.Inner.class)
    static class BadLatency {
        @Test
        void neverRuns() {
        }
    }

    @VoxworksMockTest
    @ExtendWith(TestKit.Inner.class)
    static class BothStyles {
        @RegisterExtension
        static VoxworksMockExtension mock = VoxworksMockExtension.builder().build();

        @Test
        void neverRuns(VoxworksMock injected) {
        }
    }

    @VoxworksMockTest
    @ExtendWith(TestKit.Inner.class)
    static class BothStylesInstanceField {
        @RegisterExtension
        VoxworksMockExtension mock = VoxworksMockExtension.builder().build();

        @Test
        void neverRuns() {
        }
    }

    @ExtendWith(TestKit.Inner.class)
    static class TwoFields {
        @RegisterExtension
        static VoxworksMockExtension first = VoxworksMockExtension.builder().build();
        @RegisterExtension
        static VoxworksMockExtension second = VoxworksMockExtension.builder().rateLimit("off").build();

        @Test
        void eachFieldIsItsOwnMock() {
            assertThat(first.port()).isNotEqualTo(second.port());
            first.remove("call_nw_1001");
            assertThat(second.server().fixtures().call("call_nw_1001")).isPresent();
        }

        @Test
        void aParameterWouldBeAmbiguous(VoxworksMock which) {
        }
    }

    @ExtendWith(TestKit.Inner.class)
    static class PerMethodInBeforeAll {
        @RegisterExtension
        static VoxworksMockExtension mock = VoxworksMockExtension.builder().perMethod().build();

        @BeforeAll
        static void tooEarly(VoxworksMock mock) {
        }

        @Test
        void neverRuns() {
        }
    }
}
