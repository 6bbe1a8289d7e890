package ai.voxworks.mock;

import ai.voxworks.mock.fixtures.CallFixture;
import ai.voxworks.mock.fixtures.FixtureException;
import ai.voxworks.mock.fixtures.FixtureSet;
import ai.voxworks.mock.fixtures.Team;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code java -jar voxworks-mock-server.jar [options]}: parses flags (each also read from a
 * {@code VOXWORKS_MOCK_*} environment variable), starts the server, prints where it is and which
 * keys to use, and runs until stopped (Ctrl+C or SIGTERM).
 */
@Command(name = "voxworks-mock-server",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Serves the Voxworks API's GET /api/v1/get-call/{call_id} from fixture files, "
                + "with team scoping, 401/404/429 and forced states (request header 'Prefer: code=500', "
                + "'Prefer: delay=250'). Also serves the spec at /openapi.yaml.%n",
        footer = {
            "%nAlso served: /docs (API reference), /__mock/health, /__mock/calls (GET, PUT and DELETE"
                + " /__mock/calls/{id}), POST /__mock/reset, /__mock/requests (the journal).",
            "Every option can also be set with its environment variable; a flag wins over it.",
            "Exit status: 0 after a clean stop, 1 when the fixtures are invalid or the address is taken, "
                + "2 for a bad option."})
public final class Main implements Callable<Integer> {

    /** Returned by {@link #run} when the server is up and keeps the JVM alive. */
    static final int RUNNING = -1;

    /** Option → environment variable and default. */
    private static final Map<String, String[]> ENV = Map.of(
            "--port", new String[] {"VOXWORKS_MOCK_PORT", Integer.toString(MockServerConfig.DEFAULT_PORT)},
            "--host", new String[] {"VOXWORKS_MOCK_HOST", MockServerConfig.DEFAULT_HOST},
            "--fixtures", new String[] {"VOXWORKS_MOCK_FIXTURES", null},
            "--rate-limit", new String[] {"VOXWORKS_MOCK_RATE_LIMIT", RateLimit.DEFAULT.toString()},
            "--latency", new String[] {"VOXWORKS_MOCK_LATENCY", "0ms"},
            "--cors-origins", new String[] {"VOXWORKS_MOCK_CORS_ORIGINS", "*"});

    @Option(names = "--port", paramLabel = "PORT", converter = PortConverter.class,
            description = "Port to listen on; 0 picks a free one. Default ${DEFAULT-VALUE}. Env VOXWORKS_MOCK_PORT.")
    int port;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Address to bind; 0.0.0.0 for every interface. Default ${DEFAULT-VALUE}. Env VOXWORKS_MOCK_HOST.")
    String host;

    @Option(names = "--fixtures", paramLabel = "DIR",
            description = "Directory with teams.json and calls/<call_id>.json. Default: the bundled fixtures. "
                    + "Env VOXWORKS_MOCK_FIXTURES.")
    Path fixtures;

    @Option(names = "--rate-limit", paramLabel = "N/WINDOW", converter = RateLimitConverter.class,
            description = "Requests per window per API key, e.g. 60/60s, 1000/1m; 'off' disables it. "
                    + "Default ${DEFAULT-VALUE}. Env VOXWORKS_MOCK_RATE_LIMIT.")
    RateLimit rateLimit;

    @Option(names = "--latency", paramLabel = "DURATION", converter = LatencyConverter.class,
            description = "Delay added to every API response, e.g. 250ms or 2s. Default ${DEFAULT-VALUE}. "
                    + "Env VOXWORKS_MOCK_LATENCY.")
    Duration latency;

    @Option(names = "--cors-origins", paramLabel = "ORIGINS", converter = OriginsConverter.class,
            description = "Comma-separated origins a browser app may call from, e.g. http://localhost:5173; "
                    + "* allows any. Default ${DEFAULT-VALUE}. Env VOXWORKS_MOCK_CORS_ORIGINS.")
    List<String> corsOrigins;

    private final PrintWriter out;
    private final PrintWriter err;
    private volatile MockServer server;

    Main(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Main main = new Main(out, err);
        // Registered before the server starts, so a SIGTERM at any moment still stops it cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(main::stop, "voxworks-mock-shutdown"));
        int code = main.execute(args, System::getenv);
        if (code != RUNNING) {
            System.exit(code);
        }
        // Otherwise Jetty's threads keep the JVM alive until Ctrl+C or SIGTERM.
    }

    private void stop() {
        MockServer running = server;
        if (running == null) {
            return;
        }
        try {
            running.close();
            out.println("Voxworks mock server stopped.");
        } catch (RuntimeException e) {
            err.println("voxworks-mock-server: error while stopping: " + e.getMessage());
        }
    }

    /** The server this command started, or {@code null}. */
    MockServer server() {
        return server;
    }

    /**
     * Parses {@code args} (falling back to {@code env}) and starts the server. Returns an exit
     * status, or {@link #RUNNING} with the server up (see {@link #server()}).
     */
    int execute(String[] args, Function<String, String> env) {
        CommandLine cli = new CommandLine(this);
        cli.setOut(out);
        cli.setErr(err);
        cli.setDefaultValueProvider(arg -> defaultFor(arg, env));
        cli.setParameterExceptionHandler((e, ignored) -> {
            err.println("voxworks-mock-server: " + e.getMessage() + origin(e.getArgSpec(), args, env)
                    + " (see --help)");
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        MockServerConfig config;
        try {
            config = MockServerConfig.builder()
                    .host(host)
                    .port(port)
                    .fixturesDir(fixtures)
                    .rateLimit(rateLimit)
                    .latency(latency)
                    .corsOrigins(corsOrigins)
                    .build();
        } catch (IllegalArgumentException e) {
            err.println("voxworks-mock-server: " + e.getMessage() + " (see --help)");
            return 2;
        }
        try {
            server = MockServer.start(config);
        } catch (FixtureException | IllegalStateException e) {
            err.println("voxworks-mock-server: cannot start: " + e.getMessage());
            return 1;
        }
        printBanner(server);
        return RUNNING;
    }

    private void printBanner(MockServer s) {
        FixtureSet data = s.fixtures();
        MockServerConfig c = s.config();
        String url = s.baseUrl();
        out.printf("Voxworks mock server %s listening on %s%n", Version.version(), url);
        out.printf("  fixtures     %s: %d calls, %d teams%n", data.source(), data.calls().size(), data.teams().size());
        out.printf("  rate limit   %s per API key   latency %s   CORS origins %s%n",
                c.rateLimit(), Durations.format(c.latency()), String.join(",", c.corsOrigins()));
        out.printf("  spec         %s/openapi.yaml%n", url);
        out.println("  demo keys");
        for (Team team : data.sortedTeams()) {
            for (String key : team.apiKeys()) {
                out.printf("    %-18s %s%n", team.id(), key);
            }
        }
        Optional<CallFixture> example = data.sortedCalls().stream().findFirst();
        example.ifPresent(call -> {
            String key = data.teams().get(call.teamId()).apiKeys().get(0);
            out.printf("  try          curl -H 'Authorization: Bearer %s' %s/api/v1/get-call/%s%n", key, url, call.id());
        });
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }

    private static String defaultFor(ArgSpec arg, Function<String, String> env) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String[] source = ENV.get(option.longestName());
        if (source == null) {
            return null;
        }
        String fromEnv = env.apply(source[0]);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : source[1];
    }

    /** Names the environment variable when a bad value came from there rather than the command line. */
    private static String origin(ArgSpec arg, String[] args, Function<String, String> env) {
        if (!(arg instanceof OptionSpec option)) {
            return "";
        }
        String[] source = ENV.get(option.longestName());
        boolean onCommandLine = Arrays.stream(args)
                .anyMatch(a -> a.equals(option.longestName()) || a.startsWith(option.longestName() + "="));
        return source != null && !onCommandLine && env.apply(source[0]) != null ? " (from " + source[0] + ")" : "";
    }

    static final class PortConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // Reported below.
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a port; use 0 to 65535");
        }
    }

    static final class RateLimitConverter implements CommandLine.ITypeConverter<RateLimit> {
        @Override
        public RateLimit convert(String value) {
            try {
                return RateLimit.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class LatencyConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d;
            try {
                d = Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
            if (d.compareTo(MockServerConfig.MAX_DELAY) > 0) {
                throw new CommandLine.TypeConversionException("'" + value + "' is too long; the most is "
                        + Durations.format(MockServerConfig.MAX_DELAY));
            }
            return d;
        }
    }

    static final class OriginsConverter implements CommandLine.ITypeConverter<List<String>> {
        @Override
        public List<String> convert(String value) {
            List<String> origins = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (origins.isEmpty()) {
                throw new CommandLine.TypeConversionException("no origin given; use * or a list such as http://localhost:5173");
            }
            for (String origin : origins) {
                if (!origin.equals("*") && !isOrigin(origin)) {
                    throw new CommandLine.TypeConversionException("'" + origin
                            + "' is not an origin; expected * or scheme://host[:port], such as http://localhost:5173");
                }
            }
            return origins;
        }

        private static boolean isOrigin(String text) {
            try {
                URI uri = new URI(text);
                return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                        && uri.getHost() != null
                        && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                        && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            } catch (Exception e) {
                return false;
            }
        }
    }

    /** The version from the jar manifest, or {@code dev} when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        static String version() {
            String v = Main.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"voxworks-mock-server " + version()};
        }
    }
}
