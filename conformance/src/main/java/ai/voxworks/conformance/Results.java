package ai.voxworks.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * What a launch of the cases found, case by case, grouped by run (one target and profile: the
 * command line makes one, Maven's two suites make two). Every report reads it; {@link Live}
 * hears each case as it ends.
 */
class Results implements TestExecutionListener {

    /**
     * How a case ended. {@code NOT_RUN}: the run had stopped before it (no answer, or past the
     * deadline); the case where it stopped failed and says why.
     */
    enum Outcome { PASSED, FAILED, RATE_LIMITED, SKIPPED, NOT_RUN }

    /**
     * One case.
     *
     * @param name     its display name, profile first
     * @param method   the Java method, for tests that name cases
     * @param outcome  how it ended
     * @param reason   one line: why it was skipped, rate limited or failed; empty when it passed
     * @param details  the full failure (check, expected, actual, exchanges); empty unless it failed
     * @param notes    what it published besides (a check it could not make, say)
     * @param duration how long it ran
     */
    record CaseResult(String name, String method, Outcome outcome, String reason, String details, List<String> notes,
                      Duration duration) {
    }

    /** One run: what it checked, as the extension published it, and its cases in order. */
    static final class Group {
        final Map<String, String> summary;
        final int estimate;
        final boolean exhaustsTheRateLimit;
        final List<CaseResult> cases = new ArrayList<>();
        final long startedAt = System.nanoTime();
        int requests;
        long endedAt;

        Group(Map<String, String> summary, int estimate, boolean exhaustsTheRateLimit) {
            this.summary = summary;
            this.estimate = estimate;
            this.exhaustsTheRateLimit = exhaustsTheRateLimit;
        }

        long count(Outcome outcome) {
            return cases.stream().filter(c -> c.outcome() == outcome).count();
        }

        /** {@code contract} or {@code strict}. */
        String profile() {
            return summary.getOrDefault("profile", "unknown").replaceFirst(":.*", "");
        }

        Duration elapsed() {
            return Duration.ofNanos((endedAt == 0 ? System.nanoTime() : endedAt) - startedAt);
        }
    }

    /** Hears a run begin (its header is known), each case end, and each wait as it happens. */
    interface Live {
        void started(Group group);

        void finished(Group group, CaseResult result);

        /** A case waits ({@code line} says for what and how long), or says how long is left. */
        default void waiting(Group group, String caseName, String line) {
        }
    }

    /** Hears nothing. */
    static final Live QUIET = new Live() {
        @Override
        public void started(Group group) {
        }

        @Override
        public void finished(Group group, CaseResult result) {
        }
    };

    private final Live live;
    private final Map<Map<String, String>, Group> groups = new LinkedHashMap<>();
    private final Map<String, Group> groupOfContainer = new HashMap<>();
    private final Map<String, Long> startedAt = new HashMap<>();
    private final Map<String, List<String>> notes = new HashMap<>();
    private TestPlan plan;

    Results() {
        this(QUIET);
    }

    Results(Live live) {
        this.live = live;
    }

    List<Group> groups() {
        return List.copyOf(groups.values());
    }

    /** Every case of every run. */
    List<CaseResult> cases() {
        return groups.values().stream().flatMap(g -> g.cases.stream()).toList();
    }

    boolean allPassed() {
        return !groups.isEmpty() && cases().stream().noneMatch(c -> c.outcome() == Outcome.FAILED
                || c.outcome() == Outcome.RATE_LIMITED || c.outcome() == Outcome.NOT_RUN);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        groups.values().forEach(g -> g.endedAt = System.nanoTime());
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        Map<String, String> pairs = entry.getKeyValuePairs();
        if (pairs.containsKey(TargetExtension.TARGET_ENTRY)) {
            Map<String, String> summary = new LinkedHashMap<>(pairs);
            Group group = groups.computeIfAbsent(summary, s -> newGroup(s, id));
            groupOfContainer.put(id.getUniqueId(), group);
        } else if (pairs.containsKey(TargetExtension.WAIT_ENTRY)) {
            group(id).ifPresent(g -> live.waiting(g, id.getDisplayName(), pairs.get(TargetExtension.WAIT_ENTRY)));
        } else if (pairs.containsKey(TargetExtension.REQUESTS_ENTRY)) {
            group(id).ifPresent(g -> g.requests = Math.max(g.requests, Integer.parseInt(pairs.get(TargetExtension.REQUESTS_ENTRY))));
        } else if (pairs.containsKey("note")) {
            notes.computeIfAbsent(id.getUniqueId(), k -> new ArrayList<>()).add(pairs.get("note"));
        }
    }

    private Group newGroup(Map<String, String> summary, TestIdentifier container) {
        int estimate = summary.containsKey(ConsoleReport.NOT_RUN) ? 0 : 1;  // The probe.
        boolean exhausts = false;
        String generated = summary.getOrDefault(Target.GENERATED_IDS, "0").replaceFirst("^(\\d+).*", "$1");
        List<TestIdentifier> siblings = container.getParentIdObject().map(p -> List.copyOf(plan.getChildren(p)))
                .orElse(List.of(container));
        for (TestIdentifier sibling : siblings) {
            for (TestIdentifier id : plan.getDescendants(sibling)) {
                Requests requests = requests(id);
                if (requests != null) {
                    estimate += requests.value() + (requests.generatedIds() ? Integer.parseInt(generated) : 0);
                    exhausts |= requests.exhaustsTheRateLimit();
                }
            }
        }
        Group group = new Group(summary, estimate, exhausts);
        live.started(group);
        return group;
    }

    private static Requests requests(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(s -> s.getJavaMethod().getAnnotation(Requests.class)).orElse(null);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        startedAt.put(id.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (isSuite(id)) {
            record(id, Outcome.SKIPPED, reason, "");
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!isSuite(id)) {
            return;
        }
        // A container counts only when it did not run its cases: a failure to start, say.
        if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return;
        }
        Throwable thrown = result.getThrowable().orElse(null);
        switch (result.getStatus()) {
            case SUCCESSFUL -> record(id, Outcome.PASSED, "", "");
            case ABORTED -> record(id, thrown instanceof Http.Halted ? Outcome.NOT_RUN : Outcome.SKIPPED,
                    message(thrown).replaceFirst("^Assumption failed: ", ""), "");
            case FAILED -> {
                if (thrown instanceof RateLimited limited) {
                    record(id, Outcome.RATE_LIMITED, limited.summary(), message(thrown));
                } else if (thrown instanceof ConformanceFailure failure) {
                    record(id, Outcome.FAILED, failure.summary(), message(thrown));
                } else {
                    String text = thrown == null ? "failed" : thrown instanceof AssertionError || thrown instanceof Http.Stop
                            ? message(thrown) : thrown.getClass().getSimpleName() + ": " + message(thrown);
                    record(id, Outcome.FAILED, text.lines().findFirst().orElse(""), text);
                }
            }
        }
    }

    private void record(TestIdentifier id, Outcome outcome, String reason, String details) {
        Group group = group(id).orElseGet(() -> groups.computeIfAbsent(Map.of("target", "(could not be set up)"),
                s -> new Group(s, 0, false)));
        long started = startedAt.getOrDefault(id.getUniqueId(), System.nanoTime());
        String method = id.getSource().filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getMethodName()).orElse(id.getDisplayName());
        String name = id.isTest() ? id.getDisplayName() : id.getDisplayName() + " (every case in it)";
        CaseResult result = new CaseResult(name, method, outcome, reason, details,
                List.copyOf(notes.getOrDefault(id.getUniqueId(), List.of())), Duration.ofNanos(System.nanoTime() - started));
        group.cases.add(result);
        live.finished(group, result);
    }

    /** The run a case or container belongs to: the nearest ancestor that published the target. */
    private Optional<Group> group(TestIdentifier id) {
        Optional<TestIdentifier> at = Optional.of(id);
        while (at.isPresent()) {
            Group group = groupOfContainer.get(at.get().getUniqueId());
            if (group != null) {
                return Optional.of(group);
            }
            at = plan == null ? Optional.empty() : plan.getParent(at.get());
        }
        return Optional.empty();
    }

    /** Whether it is one of the suite's cases or case classes (a launch may hold other tests too). */
    private static boolean isSuite(TestIdentifier id) {
        return id.getSource().map(s -> s instanceof MethodSource m ? m.getClassName()
                        : s instanceof ClassSource c ? c.getClassName() : null)
                .filter(name -> ConformanceRun.CASES.stream().anyMatch(c -> c.getName().equals(name))).isPresent();
    }

    private static String message(Throwable thrown) {
        return thrown == null || thrown.getMessage() == null ? String.valueOf(thrown) : thrown.getMessage();
    }
}
