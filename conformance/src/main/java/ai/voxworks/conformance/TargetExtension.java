package ai.voxworks.conformance;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves the {@link Target} once per run (starting the embedded mock when no base URL is
 * given, then probing the server once), hands cases the {@link Target}, its {@link Http} and the
 * {@link OpenApiContract}, stops cases once the run has stopped, and publishes what the run checks
 * (before each case class), each wait as it happens, and how many requests it sent (after).
 */
final class TargetExtension implements ParameterResolver, BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ExecutionCondition {

    /** The embedded mock's limit: room for every other case, quick to use up, a short wait after. */
    static final Duration EMBEDDED_WINDOW = Duration.ofSeconds(5);
    static final RateLimit EMBEDDED_LIMIT = RateLimit.of(50, EMBEDDED_WINDOW);

    /** Set by the command line, which has read the environment already: settings come from parameters only. */
    static final String PARAMETERS_ONLY = "voxworks.conformance.parametersOnly";
    /**
     * Set by a Maven suite class: the profile that suite checks. Against the embedded mock each suite
     * checks its own (each starts its own mock); against another server only the suite of the profile
     * asked for runs, so that one suite does not use up the quota the other needs.
     */
    static final String SUITE = "voxworks.conformance.suite";

    /** Report-entry keys: the run's description (its first key, of {@link Target#summary()}), a wait, the requests sent so far. */
    static final String TARGET_ENTRY = "target";
    static final String WAIT_ENTRY = "wait";
    static final String REQUESTS_ENTRY = "requests";

    /** Where a command-line run leaves its {@link Http.Time} (the launcher session's store), for tests to move. */
    static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TargetExtension.class.getName());

    /** What the run shares: the target, its client, and the embedded server to close at the end. */
    record Run(Target target, OpenApiContract contract, Http http, MockServer embedded) implements AutoCloseable {
        @Override
        public void close() {
            http.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Target.class || type == Http.class || type == OpenApiContract.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Run run = run(context);
        Class<?> type = parameter.getParameter().getType();
        return type == Target.class ? run.target() : type == Http.class ? run.http() : run.contract();
    }

    /** A Maven suite of the profile not asked for, against another server: not run, and the report says why. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Profile> suite = context.getConfigurationParameter(SUITE).map(Profile::parse);
        if (suite.isEmpty() || context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("");
        }
        Target target = read(context);
        if (target.embedded() || target.profile() == suite.get()) {
            return ConditionEvaluationResult.enabled("");
        }
        String reason = "this suite checks the " + suite.get().id() + " profile; against another server the Maven route "
                + "runs only the one asked for (" + Target.Setting.PROFILE.property + "=" + target.profile().id()
                + "), so that one profile's requests do not use up the quota the other needs";
        Map<String, String> summary = target.in(suite.get()).summary();
        Map<String, String> entry = new LinkedHashMap<>();
        for (String key : new String[] {TARGET_ENTRY, "key", "profile"}) {
            entry.put(key, summary.get(key));
        }
        entry.put(ConsoleReport.NOT_RUN, reason);
        context.publishReportEntry(entry);
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Run run = run(context);
        Map<String, String> entry = new LinkedHashMap<>(run.target().summary());
        entry.put("spec", run.contract().source());
        ignoredBaseUrl(run.target()).ifPresent(url -> entry.put("note", "VOXWORKS_BASE_URL is exported (" + url
                + "), but tests under Maven read no VOXWORKS_* variable, so this run checked the embedded mock; "
                + "to check that server, pass -Dvoxworks.baseUrl=" + url + " (docs/conformance.md: Under Maven)"));
        context.publishReportEntry(entry);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Http http = run(context).http();
        http.progress(line -> context.publishReportEntry(WAIT_ENTRY, line));
        http.check();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        context.publishReportEntry(REQUESTS_ENTRY, Integer.toString(run(context).http().sent()));
    }

    /**
     * The base URL a developer exported, when the run checks the embedded mock anyway: the build strips
     * VOXWORKS_* from test JVMs (hermetic tests) and hands the value over only to say it was not used.
     */
    static Optional<String> ignoredBaseUrl(Target target) {
        String exported = System.getProperty(EXPORTED_BASE_URL, "");
        return target.embedded() && !exported.isBlank() && !exported.startsWith("${") ? Optional.of(exported.strip())
                : Optional.empty();
    }

    /** Set by conformance/pom.xml from VOXWORKS_BASE_URL, for {@link #ignoredBaseUrl} only. */
    static final String EXPORTED_BASE_URL = "voxworks.conformance.exportedBaseUrl";

    static Run run(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(TargetExtension.class))
                .computeIfAbsent(Run.class, k -> start(context), Run.class);
    }

    private static Target read(ExtensionContext context) {
        boolean parametersOnly = context.getConfigurationParameter(PARAMETERS_ONLY).map(Boolean::parseBoolean).orElse(false);
        Function<String, String> env = parametersOnly ? name -> null : System::getenv;
        Target target = Target.read(p -> context.getConfigurationParameter(p).orElse(null), env);
        Optional<Profile> suite = context.getConfigurationParameter(SUITE).map(Profile::parse);
        return suite.isPresent() && target.embedded() ? target.in(suite.get()) : target;
    }

    private static Run start(ExtensionContext context) {
        Target target = read(context);
        OpenApiContract contract = OpenApiContract.load(target.spec());
        MockServer mock = null;
        if (target.embedded()) {
            // Both styles of rate-limit field, so the IETF cases have something to check too.
            mock = MockServer.start(MockServerConfig.builder().port(0).rateLimit(EMBEDDED_LIMIT)
                    .rateLimitHeaders(RateLimit.HeaderStyle.BOTH).build());
            target = target.at(mock.baseUrl());
        }
        Http.Time time = context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NS)
                .getOrDefault(Http.Time.class, Http.Time.class, Http.Time.SYSTEM);
        Http http = new Http(target, contract, time);
        http.probe();  // What it finds fails the first case, once.
        return new Run(target, contract, http, mock);
    }
}
