package ai.voxworks.mock.cli;

import ai.voxworks.mock.InvalidFixturesException;
import ai.voxworks.mock.Recorder;
import ai.voxworks.mock.RecordingSummary;
import ai.voxworks.mock.Team;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar voxworks-mock-server.jar record [options] ID...}: records real calls into a
 * fixtures directory with a {@link Recorder}, prints a line a call and a summary, and exits 0 when
 * every call was saved, 1 when any was not or a {@code --redact} pointer named no field of any call
 * (a typo would leave personal data in the files), 2 for bad usage. The key comes from
 * {@code VOXWORKS_API_KEY} or a file, never from a flag value.
 *
 * <p>Loaded with the command line, so it names the recorder's classes only in {@link #call()}:
 * serving never loads them.
 */
@Command(name = RecordCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Records real calls from a Voxworks server into fixtures this mock serves as they are.",
            "For each ID: GET /api/v1/get-call/{id}, "
                + "checked against openapi.yaml as fixture files are, written to DIR/calls/<id>.json; each call's team "
                + "goes into DIR/teams.json with a new demo key (existing teams and keys are kept). Then: "
                + "java -jar voxworks-mock-server.jar --fixtures DIR.",
            "The API key comes from VOXWORKS_API_KEY (or --api-key-file), never from a flag value, and is written "
                + "nowhere. URLs, alone or inside text, lose their query strings and user info (a signed URL is a "
                + "credential); --redact replaces fields.%n"},
        footer = {
            "%nWith --follow each call is asked for until it ends; the stages seen become its timeline (a call already "
                + "ended is written as it is).",
            "401 stops the run, nothing more asked; 404 skips the id; 429 waits Retry-After, then goes on; 5xx and "
                + "network failures are retried, then the id is skipped; a call that does not match the spec is not "
                + "written. Every file is replaced atomically.",
            "Exit status: 0 when every call was saved, 1 when any was not or a --redact pointer named no field of any "
                + "call, 2 for bad usage."})
final class RecordCommand implements Callable<Integer> {

    static final String NAME = "record";

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Call ids to record.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--ids-file", paramLabel = "FILE",
            description = "A file with call ids, one a line (blank lines and lines starting with # are skipped).")
    Path idsFile;

    @Option(names = "--from", paramLabel = "URL", converter = CliConverters.BaseUrl.class,
            description = "The server to record from. Default ${DEFAULT-VALUE}. Env VOXWORKS_BASE_URL.")
    String from;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The fixtures directory to write, created when needed. Default ${DEFAULT-VALUE}. "
                    + "Env VOXWORKS_RECORD_OUT.")
    Path out;

    @Option(names = "--redact", paramLabel = "POINTERS", converter = CliConverters.Pointers.class,
            description = "Comma-separated JSON pointers of fields to replace with placeholders the spec accepts, "
                    + "e.g. /transcript,/contact_id,/structured_data/name. Env VOXWORKS_RECORD_REDACT.")
    List<String> redact;

    @Option(names = "--keep-url-queries",
            description = "Keep the query strings, fragments and user info of URLs (by default they are stripped: a "
                    + "signed recording URL lets anyone who has it download the recording).")
    boolean keepUrlQueries;

    @Option(names = "--follow",
            description = "Ask for each call until it ends, and write the stages seen as its timeline: the mock then "
                    + "serves it moving, from its first request, as production did. Asks about every second while a call "
                    + "changes, less often while it does not, never faster than the rate-limit budget the answers show.")
    boolean follow;

    @Option(names = "--follow-timeout", paramLabel = "DURATION", converter = CliConverters.FollowTimeout.class,
            description = "How long --follow goes on, from the first request (1s to 1d); a call that has not ended by "
                    + "then is not written. Default 30m.")
    Duration followTimeout;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "Read the API key from FILE instead of VOXWORKS_API_KEY.")
    Path apiKeyFile;

    /** Not offered: there only to say so, rather than take the key for a call id. */
    @Option(names = "--api-key", hidden = true)
    String apiKeyFlag;

    private final PrintWriter stdout;
    private final PrintWriter stderr;
    private final Function<String, String> env;

    RecordCommand(PrintWriter stdout, PrintWriter stderr, Function<String, String> env) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.env = env;
    }

    @Override
    public Integer call() {
        // A class of its own: verifying this one, which picocli loads to serve too, must not load the recorder.
        return new Run().call();
    }

    /** One {@code record} run, with the options parsed. */
    private final class Run {

        int call() {
            if (apiKeyFlag != null) {
                return usage("the API key is never a flag value (command lines show in ps and in shell history); "
                        + "set VOXWORKS_API_KEY or pass --api-key-file FILE");
            }
            String key;
            try {
                key = apiKeyFile != null ? Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip()
                        : env.apply("VOXWORKS_API_KEY");
            } catch (IOException e) {
                return usage("cannot read --api-key-file " + apiKeyFile + ": " + IoReason.of(e));
            }
            String keySource = apiKeyFile != null ? "the key in " + apiKeyFile : "VOXWORKS_API_KEY";
            if (key == null || key.isBlank()) {
                return usage(apiKeyFile != null ? keySource + " is empty"
                        : "no API key: set VOXWORKS_API_KEY (or pass --api-key-file FILE) to a key of the server to record from");
            }
            List<String> all = new ArrayList<>(ids);
            if (idsFile != null) {
                try {
                    Files.readAllLines(idsFile, StandardCharsets.UTF_8).stream().map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(all::add);
                } catch (IOException e) {
                    return usage("cannot read --ids-file " + idsFile + ": " + IoReason.of(e));
                }
            }
            if (all.isEmpty()) {
                return usage("no call ids: give them as arguments or in --ids-file FILE");
            }
            Recorder.Builder builder = Recorder.builder();
            try {
                builder.apiKey(key);
            } catch (IllegalArgumentException e) {
                return usage(keySource + " is not a usable key: it must be printable ASCII without spaces");
            }
            RecordingSummary summary;
            try {
                if (followTimeout != null) {
                    if (!follow) {
                        return usage("--follow-timeout is how long --follow goes on; add --follow");
                    }
                    builder.followTimeout(followTimeout);
                }
                summary = builder.from(from).outputDir(out).redact(redact == null ? List.of() : redact)
                        .keepUrlQueries(keepUrlQueries).follow(follow).progress(stdout::println).build().record(all);
            } catch (IllegalArgumentException e) {
                return usage(e.getMessage());
            } catch (InvalidFixturesException e) {
                return usage("cannot record into " + out + ": " + e.problems().stream()
                        .map(p -> p.file() + (p.pointer().isEmpty() ? "" : " " + p.pointer()) + ": " + p.reason())
                        .collect(Collectors.joining("; ")));
            }
            stdout.println();
            stdout.println(summary.report());
            if (!summary.saved().isEmpty() && summary.problems().isEmpty()) {
                stdout.println("Serve them: java -jar " + jar() + " --fixtures " + summary.outputDir());
                tryIt(summary);
            }
            stdout.flush();
            return summary.succeeded() ? 0 : 1;
        }

        /** A curl line for a saved call of a new team: its demo key is one the recording made up. */
        private void tryIt(RecordingSummary summary) {
            for (Team team : summary.newTeams()) {
                for (RecordingSummary.Saved call : summary.saved()) {
                    if (call.teamId().equals(team.id())) {
                        stdout.println("  then: curl -H 'Authorization: Bearer " + team.apiKeys().get(0)
                                + "' http://127.0.0.1:4010/api/v1/get-call/" + call.id());
                        return;
                    }
                }
            }
        }

        private int usage(String message) {
            stderr.println("voxworks-mock-server " + NAME + ": " + message + " (see " + NAME + " --help)");
            return 2;
        }
    }

    /** The jar this runs from, as the user would type it, or its usual name when run from classes. */
    private static String jar() {
        try {
            Path code = Path.of(RecordCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (code.toString().endsWith(".jar")) {
                Path here = Path.of("").toAbsolutePath();
                return code.startsWith(here) ? here.relativize(code).toString() : code.toString();
            }
        } catch (Exception ignored) {
            // Fall through to the usual name.
        }
        return "voxworks-mock-server.jar";
    }
}
