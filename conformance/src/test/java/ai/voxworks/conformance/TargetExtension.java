package ai.voxworks.conformance;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves the {@link Target} once per run (starting the embedded mock when no base URL is
 * given) and hands tests the {@link Target} and a {@link RequestSpecification} for it, with the
 * contract filter on every request.
 */
final class TargetExtension implements ParameterResolver {

    /** The embedded mock's demo data: a key, one of its team's calls, another team's call. */
    static final String EMBEDDED_KEY = "vx_test_northwind_primary_7f3a9c";
    static final String EMBEDDED_CALL = "call_nw_1001";
    static final String EMBEDDED_FOREIGN_CALL = "call_bb_2001";
    /** Small enough that exhausting it is quick. */
    static final RateLimit EMBEDDED_LIMIT = RateLimit.of(100, Duration.ofMinutes(1));

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TargetExtension.class);

    /** What the run shares: the target, the contract, and the embedded server to close at the end. */
    record Run(Target target, OpenApiContract contract, MockServer embedded) implements AutoCloseable {
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
        return type == Target.class || type == RequestSpecification.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Run run = run(context);
        return parameter.getParameter().getType() == Target.class ? run.target() : spec(run);
    }

    static Run run(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(Run.class, k -> start(context), Run.class);
    }

    private static Run start(ExtensionContext context) {
        Optional<String> baseUrl = setting(context, Target.BASE_URL);
        OpenApiContract contract = OpenApiContract.load();
        if (baseUrl.isEmpty()) {
            MockServer mock = MockServer.start(MockServerConfig.builder().port(0).rateLimit(EMBEDDED_LIMIT).build());
            return new Run(new Target(mock.baseUrl(), EMBEDDED_KEY, EMBEDDED_CALL, Optional.of(EMBEDDED_FOREIGN_CALL),
                    true, true), contract, mock);
        }
        String key = setting(context, Target.API_KEY).orElseThrow(() -> new IllegalStateException(
                Target.BASE_URL + " is set but " + Target.API_KEY + " (or VOXWORKS_API_KEY) is not"));
        String call = setting(context, Target.CALL_ID).orElseThrow(() -> new IllegalStateException(
                Target.BASE_URL + " is set but " + Target.CALL_ID + " (or VOXWORKS_CALL_ID), a call of that key's team, is not"));
        return new Run(new Target(baseUrl.get().replaceAll("/+$", ""), key, call, setting(context, Target.FOREIGN_CALL_ID),
                setting(context, Target.RATE_LIMIT).map(Boolean::parseBoolean).orElse(false), false), contract, null);
    }

    private static Optional<String> setting(ExtensionContext context, String name) {
        return Target.setting(name, p -> context.getConfigurationParameter(p).orElse(null), System::getenv);
    }

    private static RequestSpecification spec(Run run) {
        return new RequestSpecBuilder()
                .setBaseUri(run.target().baseUrl())
                .setUrlEncodingEnabled(false)
                .setConfig(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 10_000).setParam("http.socket.timeout", 30_000)))
                .addFilter(new ContractFilter(run.contract()))
                .build();
    }
}
