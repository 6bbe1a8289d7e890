package ai.voxworks.conformance;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves the {@link Target} once per run (starting the embedded mock when no base URL is
 * given), hands cases the {@link Target} and its {@link Http}, and publishes what the run checks
 * (before each case class) and how many requests it sent (after), for the reports.
 */
final class TargetExtension implements ParameterResolver, BeforeAllCallback, AfterAllCallback {

    /** The embedded mock's limit: room for every other case, quick to use up, a short wait after. */
    static final Duration EMBEDDED_WINDOW = Duration.ofSeconds(4);
    static final RateLimit EMBEDDED_LIMIT = RateLimit.of(30, EMBEDDED_WINDOW);

    /** Set by the command line, which has read the environment already: settings come from parameters only. */
    static final String PARAMETERS_ONLY = "voxworks.conformance.parametersOnly";

    /** Report-entry keys: the run's description (its first key, of {@link Target#summary()}), and the requests sent so far. */
    static final String TARGET_ENTRY = "target";
    static final String REQUESTS_ENTRY = "requests";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TargetExtension.class);

    /** What the run shares: the target, its client, and the embedded server to close at the end. */
    record Run(Target target, OpenApiContract contract, Http http, MockServer embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Target.class || type == Http.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Run run = run(context);
        return parameter.getParameter().getType() == Target.class ? run.target() : run.http();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Run run = run(context);
        Map<String, String> entry = new LinkedHashMap<>(run.target().summary());
        entry.put("spec", run.contract().source());
        context.publishReportEntry(entry);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        context.publishReportEntry(REQUESTS_ENTRY, Integer.toString(run(context).http().sent()));
    }

    static Run run(ExtensionContext context) {
        return context.getRoot().getStore(NS).computeIfAbsent(Run.class, k -> start(context), Run.class);
    }

    private static Run start(ExtensionContext context) {
        boolean parametersOnly = context.getConfigurationParameter(PARAMETERS_ONLY).map(Boolean::parseBoolean).orElse(false);
        Function<String, String> env = parametersOnly ? name -> null : System::getenv;
        Target target = Target.read(p -> context.getConfigurationParameter(p).orElse(null), env);
        OpenApiContract contract = OpenApiContract.load(target.spec());
        MockServer mock = null;
        if (target.embedded()) {
            // Both styles of rate-limit field, so the IETF cases have something to check too.
            mock = MockServer.start(MockServerConfig.builder().port(0).rateLimit(EMBEDDED_LIMIT)
                    .rateLimitHeaders(RateLimit.HeaderStyle.BOTH).build());
            target = target.at(mock.baseUrl());
        }
        return new Run(target, contract, new Http(target, contract, d -> Thread.sleep(d.toMillis())), mock);
    }
}
