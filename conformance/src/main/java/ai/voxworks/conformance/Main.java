package ai.voxworks.conformance;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * one failed, was rate limited or was not run (or the server gave no answer), 2 on bad usage.
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
                + "(draft-ietf-httpapi-ratelimit-headers-11) and agree with Retry-After and the requests made; and it "
                + "refuses what the spec does not document: POST, PUT, PATCH, DELETE get 405 with Allow, HEAD gets GET's "
                + "answer without a body, --fuzz generated ids get no 5xx, JSON errors, and an unknown id's 404. "
                + "Each case names its profile first, and fails for its own rule only.",
            "A 429 where a case expected another status is reported as 'rate limited (Retry-After N s)', not as a failed "
                + "rule; the case waits N + 1 s once and tries again when N is at most --max-wait.",
            "A server that does not answer within --timeout is reported once; the run stops there (the cases after it "
                + "are 'not run'), as it does at --deadline. Each failure prints a curl command that replays it, the key "
                + "written as $VOXWORKS_API_KEY.",
            "Every option can also be set with its environment variable; a flag wins over it.",
            "Exit status: 0 every case passed (skipped cases say why), 1 a case failed, was rate limited or was not run, "
                + "or the server gave no answer, 2 bad usage (one line naming the flag)."})
public final class Main implements Callable<Integer> {

    /** The variable of each option that is not a {@link Target.Setting} (those the Maven route reads too). */
    private static final Map<String, String> CLI_VARIABLES = Map.of("--report", "VOXWORKS_CONFORMANCE_REPORT");

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

    @Option(names = "--rate-limit", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Also check rate limiting: sends requests until the key is refused (its quota is used up), then "
                    + "checks the 429. Env VOXWORKS_CONFORMANCE_RATE_LIMIT=true.")
    String rateLimit;

    @Option(names = "--rate-limit-window", paramLabel = "DURATION",
            description = "The server's rate-limit window, e.g. 60s: a Retry-After must not exceed it. "
                    + "Env VOXWORKS_CONFORMANCE_RATE_LIMIT_WINDOW.")
    String rateLimitWindow;

    @Option(names = "--max-wait", paramLabel = "DURATION",
            description = "The longest to wait for a Retry-After, e.g. 10s (the default) or 60s; longer ones are not "
                    + "waited for. Env VOXWORKS_CONFORMANCE_MAX_WAIT.")
    String maxWait;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "The longest one request may take, its answer included (default 10s). A server that does not "
                    + "answer in time is reported once and the run stops. Env VOXWORKS_CONFORMANCE_TIMEOUT.")
    String timeout;

    @Option(names = "--deadline", paramLabel = "DURATION",
            description = "The longest the whole run may take (default 10m); the cases it leaves are reported as not run. "
                    + "Env VOXWORKS_CONFORMANCE_DEADLINE.")
    String deadline;

    @Option(names = "--fuzz", paramLabel = "N",
            description = "How many generated ids the strict profile sends (default 20; 0 skips those cases): long ones, "
                    + "control characters, NUL, slashes, Unicode, reserved characters, dots. Env VOXWORKS_CONFORMANCE_FUZZ.")
    String fuzz;

    @Option(names = "--seed", paramLabel = "S",
            description = "What the generated ids are drawn from; the same seed sends the same ids (default: a new one, "
                    + "printed in the header). Env VOXWORKS_CONFORMANCE_SEED.")
    String seed;

    @Option(names = "--max-response-time", paramLabel = "DURATION",
            description = "Strict: every response must come within it, e.g. 500ms (default: not checked). "
                    + "Env VOXWORKS_CONFORMANCE_MAX_RESPONSE_TIME.")
    String maxResponseTime;

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
        if (CLI_VARIABLES.containsKey(option)) {
            return CLI_VARIABLES.get(option);
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
            settings.put(Target.Setting.API_KEY.property, env.apply(Target.Setting.API_KEY.env()));
            settings.put(Target.Setting.API_KEY_FILE.property, apiKeyFile == null ? null : apiKeyFile.toString());
            settings.put(Target.Setting.OTHER_API_KEY.property, env.apply(Target.Setting.OTHER_API_KEY.env()));
            settings.put(Target.Setting.OTHER_API_KEY_FILE.property, otherApiKeyFile == null ? null : otherApiKeyFile.toString());
            settings.put(Target.Setting.PROFILE.property, profile);
            settings.put(Target.Setting.RATE_LIMIT.property, rateLimit);
            settings.put(Target.Setting.RATE_LIMIT_WINDOW.property, rateLimitWindow);
            settings.put(Target.Setting.MAX_WAIT.property, maxWait);
            settings.put(Target.Setting.SPEC.property, spec == null ? null : spec.toString());
            settings.put(Target.Setting.TIMEOUT.property, timeout);
            settings.put(Target.Setting.DEADLINE.property, deadline);
            settings.put(Target.Setting.FUZZ.property, fuzz);
            settings.put(Target.Setting.SEED.property, seed);
            settings.put(Target.Setting.MAX_RESPONSE_TIME.property, maxResponseTime);
            target = Target.read(settings::get, name -> null);
            // The seed drawn now is the one the run uses and the header prints.
            settings.put(Target.Setting.SEED.property, Long.toString(target.seed()));
            OpenApiContract.load(target.spec());
            if (report != null) {
                reportDirectory(report);
            }
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (!target.embedded()) {
            try (Http probe = new Http(target, null, Http.Time.SYSTEM)) {
                Optional<String> problem = probe.probe();
                if (problem.isPresent()) {
                    err.println("voxworks-conformance: " + target.redact(problem.get()));
                    return 1;
                }
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

    private int usage(String message) {
        err.println("voxworks-conformance: " + message + " (see --help)");
        return 2;
    }

    /** Why a file operation failed, in words ({@code no such file}), not as an exception's name. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        }
        return e.getMessage() == null ? "an I/O error" : e.getMessage();
    }

    /** {@code --report DIR}: a directory that exists or can be made, checked before any request. */
    private static void reportDirectory(Path dir) {
        String what = "--report (VOXWORKS_CONFORMANCE_REPORT): ";
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(what + dir + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + "cannot create the directory " + dir + ": " + reason(e));
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException(what + dir + " is not writable");
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
