package ai.voxworks.mock.junit5;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs test classes the way a user's build would, through the Jupiter engine, and reports what
 * happened. The classes it runs are inner classes marked {@link Inner}, skipped by a normal run.
 */
final class TestKit {

    private static final String INNER = "voxworks.testkit.inner";

    /** JUnit's parallel mode: test classes concurrently, the tests of one class in its thread. */
    static final Map<String, String> PARALLEL_CLASSES = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "same_thread",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    /** JUnit's parallel mode with everything concurrent, test methods of one class too. */
    static final Map<String, String> PARALLEL_EVERYTHING = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    private TestKit() {
    }

    static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    static EngineExecutionResults run(Map<String, String> configuration, Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .configurationParameter(INNER, "true")
                .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
                .execute();
    }

    /** Marks an inner test class that only {@link TestKit} runs (an IDE running the package skips it). */
    static final class Inner implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(INNER).isPresent()
                    ? ConditionEvaluationResult.enabled("run by TestKit")
                    : ConditionEvaluationResult.disabled("runs only through TestKit, from its outer test class");
        }
    }
}
