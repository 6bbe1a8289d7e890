package ai.voxworks.mock.cli;

import ai.voxworks.client.internal.Durations;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.Recorder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Each option of the command line, its environment variable and its default. The defaults are
 * read from {@link MockServerConfig}'s builder, so the command line and the embedding API cannot
 * disagree.
 */
final class CliSettings {

    /** One option: its name, its variable, and its default as the command line writes it ({@code null}: none). */
    record Setting(String option, String variable, Function<MockServerConfig, String> defaultValue) {
    }

    static final List<Setting> ALL = List.of(
            new Setting("--port", "VOXWORKS_MOCK_PORT", c -> Integer.toString(c.port())),
            new Setting("--host", "VOXWORKS_MOCK_HOST", MockServerConfig::host),
            new Setting("--fixtures", "VOXWORKS_MOCK_FIXTURES", c -> null),
            new Setting("--rate-limit", "VOXWORKS_MOCK_RATE_LIMIT", c -> c.rateLimit().toString()),
            new Setting("--rate-limit-scope", "VOXWORKS_MOCK_RATE_LIMIT_SCOPE", c -> c.rateLimitScope().name().toLowerCase()),
            new Setting("--rate-limit-headers", "VOXWORKS_MOCK_RATE_LIMIT_HEADERS",
                    c -> c.rateLimitHeaders().name().toLowerCase()),
            new Setting("--rate-limit-store", "VOXWORKS_MOCK_RATE_LIMIT_STORE", c -> c.rateLimitStore().toString()),
            new Setting("--latency", "VOXWORKS_MOCK_LATENCY", c -> Durations.format(c.latency())),
            new Setting("--faults", "VOXWORKS_MOCK_FAULTS", c -> c.faults().toString()),
            new Setting("--seed", "VOXWORKS_MOCK_SEED", c -> Long.toString(c.faults().seed())),
            new Setting("--cors-origins", "VOXWORKS_MOCK_CORS_ORIGINS", c -> String.join(",", c.corsOrigins())),
            new Setting("--allowed-hosts", "VOXWORKS_MOCK_ALLOWED_HOSTS", c -> String.join(",", c.allowedHosts())),
            new Setting("--ready-file", "VOXWORKS_MOCK_READY_FILE", c -> null));

    /** The options of {@code record} that have a variable. The server is VOXWORKS_BASE_URL, as for the client and JShell. */
    static final List<Setting> RECORD = List.of(
            new Setting("--from", "VOXWORKS_BASE_URL", c -> Recorder.DEFAULT_FROM),
            new Setting("--out", "VOXWORKS_RECORD_OUT", c -> Recorder.DEFAULT_OUTPUT_DIR),
            new Setting("--redact", "VOXWORKS_RECORD_REDACT", c -> null));

    private static final MockServerConfig DEFAULTS = MockServerConfig.builder().build();

    private CliSettings() {
    }

    /** The value an option takes when it is not on the command line: its variable, else its default. */
    static String defaultFor(ArgSpec arg, Function<String, String> env) {
        return setting(arg).map(s -> {
            String fromEnv = env.apply(s.variable());
            return fromEnv != null && !fromEnv.isBlank() ? fromEnv : s.defaultValue().apply(DEFAULTS);
        }).orElse(null);
    }

    /** Names the environment variable when a bad value came from there rather than the command line. */
    static String origin(ArgSpec arg, String[] args, Function<String, String> env) {
        return setting(arg).filter(s -> env.apply(s.variable()) != null)
                .filter(s -> Arrays.stream(args).noneMatch(a -> a.equals(s.option()) || a.startsWith(s.option() + "=")))
                .map(s -> " (from " + s.variable() + ")")
                .orElse("");
    }

    private static Optional<Setting> setting(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return Optional.empty();
        }
        List<Setting> settings = RecordCommand.NAME.equals(option.command().name()) ? RECORD : ALL;
        return settings.stream().filter(s -> s.option().equals(option.longestName())).findFirst();
    }
}
