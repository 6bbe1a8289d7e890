package ai.voxworks.conformance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, after a run, what the conformance suite found: the target, how many cases passed,
 * failed and were skipped, and why each skip and failure happened. Registered through
 * {@code META-INF/services}, so Surefire and nested launches both print it.
 */
public final class ConformanceSummary implements TestExecutionListener {

    static final String TARGET_KEY = "voxworks.target";

    private final PrintStream out;
    private String target = "(no case ran)";
    private int passed;
    private final List<String> failed = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    public ConformanceSummary() {
        this(System.out);
    }

    ConformanceSummary(PrintStream out) {
        this.out = out;
    }

    private static boolean isSuiteCase(TestIdentifier id) {
        return id.isTest() && id.getUniqueId().contains(GetCallConformanceTest.class.getName());
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        String value = entry.getKeyValuePairs().get(TARGET_KEY);
        if (value != null) {
            target = value;
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (isSuiteCase(id)) {
            skipped.add(id.getDisplayName() + ": " + reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!isSuiteCase(id)) {
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed++;
            case ABORTED -> skipped.add(name(id) + ": " + result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
            case FAILED -> failed.add(name(id) + ": " + result.getThrowable()
                    .map(t -> String.valueOf(t.getMessage()).lines().filter(l -> !l.isBlank()).findFirst().orElse(""))
                    .orElse(""));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (passed + failed.size() + skipped.size() == 0) {
            return;
        }
        out.println();
        out.println("Voxworks conformance: " + target);
        out.println("  " + passed + " passed, " + failed.size() + " failed, " + skipped.size() + " skipped");
        failed.forEach(f -> out.println("  FAILED  " + f));
        skipped.forEach(s -> out.println("  SKIPPED " + s));
        out.println();
    }

    private static String name(TestIdentifier id) {
        String parent = id.getLegacyReportingName();
        return parent == null || parent.isBlank() ? id.getDisplayName() : parent;
    }
}
