package ai.voxworks.mock.cli;

import ai.voxworks.client.internal.ApiKeys;
import ai.voxworks.mock.FaultProfile;
import ai.voxworks.mock.InvalidFixturesException;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import ai.voxworks.mock.RateLimitStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code java -jar voxworks-mock-server.jar [options]}: parses flags (each also read from a
 * {@code VOXWORKS_MOCK_*} environment variable), starts the server, prints where it is and which
 * keys to use, and runs until stopped (Ctrl+C or SIGTERM). {@code record ID...} records real
 * calls into fixtures instead.
 */
@Command(name = "voxworks-mock-server",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Serves the Voxworks API's GET /api/v1/get-call/{call_id} from fixture files, "
                + "with team scoping, 401/404/429, forced states (request header 'Prefer: code=500', "
                + "'Prefer: delay=250') and faults of the network ('Prefer: fault=reset', truncate, drip or "
                + "malformed; or at random with --faults). Also serves the spec at /openapi.yaml.%n",
        footer = {
            "%nAlso served: /docs (API reference), /__mock/health, /__mock/calls (GET, PUT and DELETE"
                + " /__mock/calls/{id}), POST /__mock/reset, /__mock/requests (the journal); for calls whose fixture has a"
                + " timeline, /__mock/calls/{id}/timeline (GET; POST {\"stage\":2} or {\"forward\":\"10s\"}) and"
                + " POST /__mock/advance {\"by\":\"30s\"} (the mock's time: timelines and rate-limit windows).",
            "Every option can also be set with its environment variable; a flag wins over it.",
            "'record --help' tells how to record real calls into fixtures.",
            "Exit status: 2 for a bad option, 1 when the fixtures are invalid, the address cannot be bound or the "
                + "rate-limit store cannot be reached. "
                + "Once serving, it runs until stopped; Ctrl+C or SIGTERM stops it cleanly, and the exit status "
                + "is then the signal's (130 or 143)."})
public final class Main implements Callable<Integer> {

    /** Returned by {@link #execute} when the server is up and keeps the JVM alive. */
    static final int RUNNING = -1;

    @Option(names = "--port", paramLabel = "PORT", converter = CliConverters.Port.class,
            description = "Port to listen on; 0 picks a free one. Default ${DEFAULT-VALUE}. Env VOXWORKS_MOCK_PORT.")
    int port;

    @Option(names = "--host", paramLabel = "HOST", converter = CliConverters.Host.class,
            description = "Address to bind; 0.0.0.0 for every interface. Default ${DEFAULT-VALUE}. Env VOXWORKS_MOCK_HOST.")
    String host;

    @Option(names = "--fixtures", paramLabel = "DIR", converter = CliConverters.FixturesDir.class,
            description = "Directory with teams.json and calls/<call_id>.json, watched for edits (changes made through "
                    + "/__mock stay over them until a reset). Default: the bundled fixtures. Env VOXWORKS_MOCK_FIXTURES.")
    Path fixtures;

    @Option(names = "--rate-limit", paramLabel = "N/WINDOW[,...]", converter = CliConverters.Limit.class,
            description = "Requests per window, e.g. 60/60s or 1000/1m; several windows all count, e.g. "
                    + "10/1s,60/60s,1000/1d (name one for the IETF fields: burst=10/1s); 'off' disables it. "
                    + "Default ${DEFAULT-VALUE}. Env VOXWORKS_MOCK_RATE_LIMIT.")
    RateLimit rateLimit;

    @Option(names = "--rate-limit-scope", paramLabel = "key|team", converter = CliConverters.Scope.class,
            description = "What the limit counts: each API key, or each team (its keys share the windows). "
                    + "Default ${DEFAULT-VALUE}. Env VOXWORKS_MOCK_RATE_LIMIT_SCOPE.")
    RateLimit.Scope rateLimitScope;

    @Option(names = "--rate-limit-headers", paramLabel = "x|ietf|both", converter = CliConverters.HeaderStyle.class,
            description = "Rate-limit fields sent: x (X-RateLimit-Limit, -Remaining, -Reset), ietf (RateLimit and "
                    + "RateLimit-Policy as in draft-ietf-httpapi-ratelimit-headers-11), or both. Retry-After comes "
                    + "with every 429. Default ${DEFAULT-VALUE}. Env VOXWORKS_MOCK_RATE_LIMIT_HEADERS.")
    RateLimit.HeaderStyle rateLimitHeaders;

    @Option(names = "--rate-limit-store", paramLabel = "local|redis://HOST:PORT[/DB]", converter = CliConverters.Store.class,
            description = "Where the rate-limit buckets live: local (this process), or a Redis server that replicas "
                    + "share, so every replica started with the same store, limit and scope counts one set of windows "
                    + "per key or team; data changes through /__mock are then refused. A password goes in the URL "
                    + "(redis://:PASSWORD@HOST:PORT; prefer the variable, which ps does not show). Default local. "
                    + "Env VOXWORKS_MOCK_RATE_LIMIT_STORE.")
    RateLimitStore rateLimitStore;

    @Option(names = "--latency", paramLabel = "DURATION", converter = CliConverters.Latency.class,
            description = "Delay added to every API response, e.g. 250ms or 2s (at most 120s). Default ${DEFAULT-VALUE}. "
                    + "Env VOXWORKS_MOCK_LATENCY.")
    Duration latency;

    @Option(names = "--faults", paramLabel = "P%:FAULT[,...]", converter = CliConverters.Faults.class,
            description = "Faults at random: each get-call request gets FAULT with probability P, e.g. "
                    + "5%:reset,2%:500. A FAULT is reset (the connection reset before any byte), truncate (half the "
                    + "body, then the connection closes), drip (the body 4 bytes a second), malformed (a 200 that "
                    + "is not JSON), or a status: 401, 404, 429 or 500. The journal names each. 'off' for none. "
                    + "Default ${DEFAULT-VALUE}. Env VOXWORKS_MOCK_FAULTS.")
    FaultProfile faults;

    @Option(names = "--seed", paramLabel = "N", converter = CliConverters.Seed.class,
            description = "What --faults draws from: the same seed faults the same requests (counted from the start, "
                    + "or from the last POST /__mock/reset). Default ${DEFAULT-VALUE}. Env VOXWORKS_MOCK_SEED.")
    long seed;

    @Option(names = "--cors-origins", paramLabel = "ORIGINS", converter = CliConverters.Origins.class,
            description = "Comma-separated origins a browser app may call from, e.g. http://localhost:5173; "
                    + "* allows any. Default ${DEFAULT-VALUE}. Env VOXWORKS_MOCK_CORS_ORIGINS.")
    List<String> corsOrigins;

    @Option(names = "--allowed-hosts", paramLabel = "NAMES", converter = CliConverters.Hosts.class,
            description = "Comma-separated host names to serve besides localhost, IP addresses and --host, e.g. "
                    + "mock.example.com or .example.com (subdomains too); * lets any name read (a change through /__mock "
                    + "still needs no Origin, or one naming this machine). Other Host headers get a 421, "
                    + "which keeps out web pages that rebind their DNS name to this machine. Default none. "
                    + "Env VOXWORKS_MOCK_ALLOWED_HOSTS.")
    List<String> allowedHosts;

    @Option(names = "--ready-file", paramLabel = "FILE", converter = CliConverters.ReadyFile.class,
            description = "Once serving, write the base URL (e.g. http://127.0.0.1:4010) to FILE, and delete it when "
                    + "stopped: a script waits for that file, so it never takes another server on the port for this "
                    + "one. Env VOXWORKS_MOCK_READY_FILE.")
    Path readyFile;

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
            if (readyFile != null) {
                ReadyFile.delete(readyFile);
            }
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
        cli.addSubcommand(RecordCommand.NAME, new RecordCommand(out, err, env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setDefaultValueProvider(arg -> CliSettings.defaultFor(arg, env));
        cli.setParameterExceptionHandler((e, ignored) -> {
            CommandLine command = e.getCommandLine();
            String key = env.apply("VOXWORKS_API_KEY");
            // A key typed where an argument goes must not be echoed back.
            String message = key == null || key.isBlank() ? e.getMessage() : ApiKeys.redact(e.getMessage(), key);
            err.println(command.getCommandSpec().qualifiedName() + ": " + message
                    + CliSettings.origin(e.getArgSpec(), args, env)
                    + " (see " + (command == cli ? "" : command.getCommandName() + " ") + "--help)");
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
                    .rateLimitScope(rateLimitScope)
                    .rateLimitHeaders(rateLimitHeaders)
                    .rateLimitStore(rateLimitStore)
                    .latency(latency)
                    .faults(faults.withSeed(seed))
                    .corsOrigins(corsOrigins)
                    .allowedHosts(allowedHosts)
                    .build();
        } catch (IllegalArgumentException e) {
            err.println("voxworks-mock-server: " + e.getMessage() + " (see --help)");
            return 2;
        }
        try {
            server = MockServer.start(config);
        } catch (InvalidFixturesException | IllegalStateException e) {
            err.println("voxworks-mock-server: cannot start: " + e.getMessage());
            return 1;
        }
        // The file first: a banner followed by "cannot write" would say both that it runs and that it does not.
        if (readyFile != null) {
            try {
                ReadyFile.write(readyFile, server.baseUrl());
            } catch (IOException e) {
                err.println("voxworks-mock-server: cannot write --ready-file " + readyFile + ": " + IoReason.of(e));
                server.close();
                server = null;
                return 1;
            }
        }
        Banner.print(out, server, Version.version());
        return RUNNING;
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
