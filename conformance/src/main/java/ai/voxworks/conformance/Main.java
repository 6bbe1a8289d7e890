package ai.voxworks.conformance;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar voxworks-conformance.jar [options]}: checks a server (the bundled mock by
 * default) against the contract, prints what it found, and exits 0 when every case passed, 1 when
 * one failed or was rate limited, 2 on bad usage.
 */
@Command(name = "voxworks-conformance",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Checks a server's GET /api/v1/get-call/{call_id} against fixtures/openapi.yaml: Rest Assured cases run by the "
                + "JUnit Platform, each failure shown in full (the check, expected vs actual, the request and response).",
            "Without --base-url it checks the mock server bundled in this jar, started in-process with its demo data "
                + "(strict profile, rate limiting included).",
            "The API key comes from VOXWORKS_API_KEY, or --api-key-file; it is never printed unmasked.%n"},
        footer = {
            "%nProfiles: 'contract' checks exactly what the spec states (documented status, Content-Type, body schema, "
                + "documented headers when present and well-formed), so a server that meets the spec passes. 'strict' adds "
                + "what this toolkit promises: X-RateLimit-Limit and -Remaining on every authenticated response, a "
                + "whole-seconds Retry-After that holds, WWW-Authenticate: Bearer on 401, the same 404 for another team's "
                + "call as for an unknown id, and, when sent, IETF RateLimit/RateLimit-Policy fields that parse "
                + "(draft-ietf-httpapi-ratelimit-headers-11) and agree with Retry-After and the requests made. "
                + "Each case names its profile first.",
            "A 429 where a case expected another status is reported as 'rate limited (Retry-After N s)', not as a failed "
                + "rule; the case waits once and tries again when N is at most --max-wait.",
            "Every option can also be set with its environment variable; a flag wins over it.",
            "Exit status: 0 every case passed (skipped cases say why), 1 a case failed or was rate limited or the server "
                + "could not be reached, 2 bad usage."})
public final class Main implements Callable<Integer> {

    /** Each option's environment variable; the others (call ids, profile...) are {@link Target.Setting}s. */
    private static final Map<String, String> FILE_VARIABLES = Map.of(
            "--api-key-file", "VOXWORKS_API_KEY_FILE",
            "--other-api-key-file", "VOXWORKS_OTHER_API_KEY_FILE",
            "--report", "VOXWORKS_CONFORMANCE_REPORT");

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Server to check, e.g. https://api.voxworks.ai. Default: the bundled mock. Env VOXWORKS_BASE_URL.")
    String baseUrl;

    @Option(names = "--call-id", paramLabel = "ID",
            description = "A call of the key's team (needed with --base-url). Env VOXWORKS_CALL_ID.")
    String callId;

    @Option(names = "--foreign-call-id", paramLabel = "ID",
            description = "A call of another team: it must be a 404, like an unknown id. Without it those cases are "
                    + "skipped. Env VOXWORKS_FOREIGN_CALL_ID.")
    String foreignCallId;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "Read the API key from FILE instead of VOXWORKS_API_KEY. Env VOXWORKS_API_KEY_FILE.")
    Path apiKeyFile;

    @Option(names = "--other-api-key-file", paramLabel = "FILE",
            description = "A key of the --foreign-call-id's team, read from FILE instead of VOXWORKS_OTHER_API_KEY: each "
                    + "key must read its own call and get the same 404 for the other's. Env VOXWORKS_OTHER_API_KEY_FILE.")
    Path otherApiKeyFile;

    @Option(names = "--profile", paramLabel = "contract|strict",
            description = "Which rules to check (see below). Default: strict for the bundled mock, contract for a "
                    + "--base-url. Env VOXWORKS_CONFORMANCE_PROFILE.")
    String profile;

    @Option(names = "--rate-limit",
            description = "Also check rate limiting: sends requests until the key is refused (its quota is used up), then "
                    + "checks the 429. Env VOXWORKS_CONFORMANCE_RATE_LIMIT=true.")
    boolean rateLimit;

    @Option(names = "--rate-limit-window", paramLabel = "DURATION",
            description = "The server's rate-limit window, e.g. 60s: a Retry-After must not exceed it. "
                    + "Env VOXWORKS_CONFORMANCE_RATE_LIMIT_WINDOW.")
    String rateLimitWindow;

    @Option(names = "--max-wait", paramLabel = "DURATION",
            description = "The longest to wait for a Retry-After, e.g. 10s (the default) or 60s; longer ones are not "
                    + "waited for. Env VOXWORKS_CONFORMANCE_MAX_WAIT.")
    String maxWait;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "Check against this OpenAPI file instead of the bundled fixtures/openapi.yaml. "
                    + "Env VOXWORKS_CONFORMANCE_SPEC.")
    Path spec;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write " + ReportFiles.XML + " (JUnit XML, for CI) and " + ReportFiles.HTML + " into DIR. "
                    + "Env VOXWORKS_CONFORMANCE_REPORT.")
    Path report;

    private final PrintStream out;
    private final PrintStream err;
    private Function<String, String> env = System::getenv;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");  // The embedded mock's start-up log.
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(new Main(out, err).execute(args, System::getenv));
    }

    /** Parses {@code args} (falling back to {@code env}), runs the cases, and returns the exit status. */
    int execute(String[] args, Function<String, String> env) {
        this.env = env;
        CommandLine cli = new CommandLine(this);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setDefaultValueProvider(arg -> {
            String variable = arg instanceof OptionSpec option ? variable(option.longestName()) : null;
            return variable == null ? null : env.apply(variable);
        });
        cli.setParameterExceptionHandler((e, ignored) -> usage(e.getMessage()
                + (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                        ? "; did you mean " + u.getSuggestions().get(0) + "?" : "")));
        return cli.execute(args);
    }

    /** The environment variable of an option. */
    static String variable(String option) {
        if (FILE_VARIABLES.containsKey(option)) {
            return FILE_VARIABLES.get(option);
        }
        for (Target.Setting s : Target.Setting.values()) {
            if (option.equals(s.flag)) {
                return s.env();
            }
        }
        return null;
    }

    @Override
    public Integer call() {
        Map<String, String> settings = new LinkedHashMap<>();
        Target target;
        try {
            settings.put(Target.Setting.BASE_URL.property, baseUrl);
            settings.put(Target.Setting.CALL_ID.property, callId);
            settings.put(Target.Setting.FOREIGN_CALL_ID.property, foreignCallId);
            settings.put(Target.Setting.API_KEY.property, key(apiKeyFile, Target.Setting.API_KEY.env()));
            settings.put(Target.Setting.OTHER_API_KEY.property, key(otherApiKeyFile, Target.Setting.OTHER_API_KEY.env()));
            settings.put(Target.Setting.PROFILE.property, profile);
            settings.put(Target.Setting.RATE_LIMIT.property, Boolean.toString(rateLimit));
            settings.put(Target.Setting.RATE_LIMIT_WINDOW.property, rateLimitWindow);
            settings.put(Target.Setting.MAX_WAIT.property, maxWait);
            settings.put(Target.Setting.SPEC.property, spec == null ? null : spec.toString());
            target = Target.read(settings::get, name -> null);
            OpenApiContract.load(target.spec());
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (!target.embedded()) {
            String unreachable = unreachable(target.baseUrl());
            if (unreachable != null) {
                err.println("voxworks-conformance: cannot reach " + target.baseUrl() + ": " + unreachable);
                return 1;
            }
        }
        ConsoleReport console = new ConsoleReport(out, target::redact);
        Map<String, String> given = new HashMap<>();
        settings.forEach((k, v) -> given.put(k, v == null ? "" : v));
        Results results = ConformanceRun.run(given, console);
        console.end(results);
        if (report != null) {
            try {
                List<Path> files = new ReportFiles(target::redact).write(results, report);
                out.println("Reports: " + files.get(0) + ", " + files.get(1));
            } catch (IOException e) {
                err.println("voxworks-conformance: cannot write the reports into " + report + ": " + e.getMessage());
                return 1;
            }
        }
        return results.allPassed() ? 0 : 1;
    }

    /** The key from {@code file} when given, else from the variable. */
    private String key(Path file, String variable) {
        if (file == null) {
            return env.apply(variable);
        }
        try {
            String key = Files.readString(file).strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException(file + " is empty: it should hold the API key");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the API key from " + file + ": " + e.getMessage());
        }
    }

    private int usage(String message) {
        err.println("voxworks-conformance: " + message + " (see --help)");
        return 2;
    }

    /** Why a TCP connection to the URL's host and port fails, or {@code null} when it opens. */
    private static String unreachable(String baseUrl) {
        URI uri = URI.create(baseUrl);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 5_000);
            return null;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    /** The version from the jar manifest, or {@code dev} when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"voxworks-conformance " + (v == null ? "dev" : v)};
        }
    }
}
