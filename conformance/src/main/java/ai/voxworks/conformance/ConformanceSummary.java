package ai.voxworks.conformance;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.platform.launcher.TestPlan;

/**
 * For the Maven route: a JUnit Platform listener that prints, once the launch is over, what the
 * command line prints as it goes (each run's target and profile, every case with the reason for
 * anything but a pass, each failure in full); a wait for a {@code Retry-After} it prints as it
 * happens, so that a quiet minute is explained. Register it through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}; it reports only
 * the conformance cases of a launch.
 */
public final class ConformanceSummary extends Results {

    private final PrintStream out;

    public ConformanceSummary() {
        this(new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    ConformanceSummary(PrintStream out) {
        super(new Live() {
            @Override
            public void started(Group group) {
            }

            @Override
            public void finished(Group group, CaseResult result) {
            }

            @Override
            public void waiting(Group group, String caseName, String line) {
                out.println(ConsoleReport.waitLine(caseName, line));
                out.flush();
            }
        });
        this.out = out;
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        super.testPlanExecutionFinished(plan);
        new ConsoleReport(out, UnaryOperator.identity()).all(this);
    }
}
