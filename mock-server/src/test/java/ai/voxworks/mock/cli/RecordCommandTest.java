package ai.voxworks.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.CallSummary;
import ai.voxworks.mock.Fixtures;
import ai.voxworks.mock.RateLimit;
import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.LocalServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code voxworks-mock-server record}: flags, variables, the summary and the exit status, against a mock as production. */
class RecordCommandTest {

    @RegisterExtension
    static final LocalServer production = LocalServer.with(b -> b.rateLimit(RateLimit.off()));

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int record(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "record";
        System.arraycopy(args, 0, all, 1, args.length);
        Main main = new Main(new PrintWriter(out, true), new PrintWriter(err, true));
        return main.execute(all, env::get);
    }

    /** With the Bluebird key in VOXWORKS_API_KEY and production in VOXWORKS_BASE_URL. */
    private int record(String... args) {
        return record(env(), args);
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("VOXWORKS_API_KEY", DemoData.BLUEBIRD_KEY);
        env.put("VOXWORKS_BASE_URL", production.server().baseUrl());
        return env;
    }

    private String output() {
        return out + "\n" + err;
    }

    @Test
    void everyCallSavedExits0WithASummary() {
        int code = record("--out", dir.toString(), "call_bb_2001", "call_bb_2003");

        assertThat(code).as(output()).isZero();
        assertThat(out.toString()).contains(
                "[1/2] call_bb_2001: saved calls/call_bb_2001.json (team_bluebird)",
                "Recorded 2 of 2 calls from " + production.server().baseUrl() + " into " + dir,
                "  saved    call_bb_2001  team_bluebird  calls/call_bb_2001.json",
                "  new team team_bluebird in teams.json, demo key vx_test_bluebird_",
                dir + " loads as the mock's fixtures.",
                "Serve them: java -jar voxworks-mock-server.jar --fixtures " + dir,
                "then: curl -H 'Authorization: Bearer vx_test_bluebird_");
        assertThat(err.toString()).isEmpty();
        assertThat(output()).doesNotContain(DemoData.BLUEBIRD_KEY);
    }

    @Test
    void followAsksUntilTheCallEndsAndACallAlreadyEndedIsWrittenAsItIs() {
        int code = record("--out", dir.toString(), "--follow", "--follow-timeout", "5m", "call_bb_2001");

        assertThat(code).as(output()).isZero();
        assertThat(out.toString()).contains("Following 1 call from " + production.server().baseUrl(),
                "each until it ends, for at most 300s; the stages seen become its timeline",
                "[1/1] call_bb_2001: completed",
                "[1/1] call_bb_2001: saved calls/call_bb_2001.json (team_bluebird, already ended when first seen)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--follow-timeout|5|--follow-timeout: '5' has no unit; write 5ms or 5s",
        "--follow-timeout|2d|--follow-timeout must be from 1s to 1d, not 2d",
    })
    void aBadFollowTimeoutIsAUsageError(String flag, String value, String message) {
        assertThat(record("--out", dir.toString(), "--follow", flag, value, "call_bb_2001")).isEqualTo(2);
        assertThat(err.toString()).contains(message);
        assertThat(record("--out", dir.toString(), "--follow-timeout", "1m", "call_bb_2001")).isEqualTo(2);
        assertThat(err.toString()).contains("--follow-timeout is how long --follow goes on; add --follow");
    }

    @Test
    void anyCallNotSavedExits1AndSaysWhy() {
        int code = record("--out", dir.toString(), "call_bb_2001", "call_nw_1001");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("Recorded 1 of 2 calls",
                "  skipped  call_nw_1001  not found (HTTP 404: Call not found)");
    }

    @Test
    void aRefusedKeyExits1WithNothingWritten() {
        Map<String, String> env = env();
        env.put("VOXWORKS_API_KEY", "vx_live_wrong_key_for_this_server_99");
        Path fresh = dir.resolve("fresh");

        int code = record(env, "--out", fresh.toString(), "call_bb_2001", "call_bb_2002");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("stopped: the key was refused (HTTP 401: Invalid API key)", "Nothing was saved.")
                .doesNotContain("Serve them");
        assertThat(Files.exists(fresh)).isFalse();
        assertThat(output()).doesNotContain("vx_live_wrong_key_for_this_server_99").contains("vx_live_…r_99");
    }

    @Test
    void idsFileAddsIdsAndSkipsBlankLinesAndComments() throws IOException {
        Path ids = dir.resolve("ids.txt");
        Files.writeString(ids, "# calls for the demo\ncall_bb_2002\n\n  call_bb_2003  \ncall_bb_2002\n");
        Path fixtures = dir.resolve("fixtures");

        int code = record("--out", fixtures.toString(), "--ids-file", ids.toString(), "call_bb_2001");

        assertThat(code).as(output()).isZero();
        assertThat(Fixtures.load(fixtures).calls()).extracting(CallSummary::id)
                .containsExactly("call_bb_2001", "call_bb_2002", "call_bb_2003");
        assertThat(out.toString()).contains("[3/3] call_bb_2003");
    }

    @Test
    void theKeyCanComeFromAFileAndTheServerFromAFlag() throws IOException {
        Path keyFile = dir.resolve("key");
        Files.writeString(keyFile, DemoData.BLUEBIRD_KEY + "\n");
        Path fixtures = dir.resolve("fixtures");

        int code = record(Map.of(), "--from", production.server().baseUrl(), "--api-key-file", keyFile.toString(),
                "--out", fixtures.toString(), "call_bb_2001");

        assertThat(code).as(output()).isZero();
        assertThat(output()).doesNotContain(DemoData.BLUEBIRD_KEY);
    }

    @Test
    void variablesSetTheOutputDirectoryAndTheFieldsToRedact() throws IOException {
        Map<String, String> env = env();
        env.put("VOXWORKS_RECORD_OUT", dir.toString());
        env.put("VOXWORKS_RECORD_REDACT", "/transcript, /contact_id");

        assertThat(record(env, "call_bb_2001")).as(output()).isZero();
        assertThat(Files.readString(dir.resolve("calls/call_bb_2001.json")))
                .contains("\"transcript\" : \"[redacted]\"", "\"contact_id\" : \"[redacted]\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "call_bb_2001|--from|ftp://files.example|'ftp://files.example' is not an http or https URL",
        "call_bb_2001|--from|http://127.0.0.1:99999|'http://127.0.0.1:99999' has port 99999; a port is 1 to 65535",
        "call_bb_2001|--from|http://127.0.0.1:0|'http://127.0.0.1:0' has port 0; a port is 1 to 65535",
        "call_bb_2001|--from|https://u:s3cretpass@example.com|the URL holds a user name or password",
        "call_bb_2001|--from|https://u:s3cretpass@example.com:99999/?x=1|the URL holds a user name or password",
        "call_bb_2001|--redact|/team_id|/team_id cannot be redacted",
        "call_bb_2001|--redact|transcript|'transcript' is not a JSON pointer",
        "call_bb_2001|--ids-file|/no/such/file|cannot read --ids-file /no/such/file: no such file",
        "a/b|--out|.|'a/b' cannot be recorded: the mock stores a call as calls/<id>.json",
        "call_bb_2001|--api-key|vx_live_typed_on_the_command_line|the API key is never a flag value",
        "call_bb_2001|--api-key-file|/no/such/key|cannot read --api-key-file /no/such/key: no such file",
        "call_bb_2001|--bogus|x|Unknown option: '--bogus'",
    })
    void badUsageExits2WithOneLine(String id, String flag, String value, String reason) {
        int code = record(flag, value, id);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("voxworks-mock-server record: ").contains(reason).endsWith("(see record --help)"));
        assertThat(out.toString()).isEmpty();
        assertThat(output()).doesNotContain("vx_live_typed_on_the_command_line", "s3cretpass");
    }

    @Test
    void noIdsNoKeyOrAnUnusableOutputDirectoryExit2() throws IOException {
        assertThat(record("--out", dir.toString())).isEqualTo(2);
        assertThat(record(Map.of("VOXWORKS_BASE_URL", production.server().baseUrl()), "call_bb_2001")).isEqualTo(2);
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(record("--out", file.toString(), "call_bb_2001")).isEqualTo(2);
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("teams.json"), "{\"teams\":[]}");
        assertThat(record("--out", broken.toString(), "call_bb_2001")).isEqualTo(2);

        assertThat(err.toString().lines()).containsExactly(
                "voxworks-mock-server record: no call ids: give them as arguments or in --ids-file FILE (see record --help)",
                "voxworks-mock-server record: no API key: set VOXWORKS_API_KEY (or pass --api-key-file FILE) to a key of "
                        + "the server to record from (see record --help)",
                "voxworks-mock-server record: cannot record into " + file + ": " + file + ": not a directory "
                        + "(see record --help)",
                "voxworks-mock-server record: cannot record into " + broken + ": " + broken.resolve("teams.json")
                        + " /teams: must have at least 1 items but found 0 (see record --help)");
        assertThat(Files.readString(broken.resolve("teams.json"))).as("left as it was").isEqualTo("{\"teams\":[]}");
    }

    @Test
    void aRedactPointerThatNamesNoFieldExits1AndSaysWhich() {
        int code = record("--out", dir.toString(), "--redact", "/transcirpt", "call_bb_2001");

        assertThat(code).as(output()).isEqualTo(1);
        assertThat(out.toString()).contains("--redact /transcirpt matched no field of any call received");
        assertThat(Files.exists(dir.resolve("calls/call_bb_2001.json"))).isTrue();
    }

    @Test
    void aBadVariableIsNamed() {
        Map<String, String> env = env();
        env.put("VOXWORKS_RECORD_REDACT", "oops");

        assertThat(record(env, "call_bb_2001")).isEqualTo(2);
        assertThat(err.toString()).contains("'oops' is not a JSON pointer", "(from VOXWORKS_RECORD_REDACT)");
    }

    @Test
    void helpListsTheSubcommandAndEveryRecordFlagWithItsVariable() {
        Main main = new Main(new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(main.execute(new String[] {"--help"}, Map.<String, String>of()::get)).isZero();
        assertThat(out.toString()).contains("Commands:", "record  Records real calls from a Voxworks server");

        out.getBuffer().setLength(0);
        assertThat(record(Map.of(), "--help")).isZero();
        String help = out.toString().replaceAll("\\s+", " ");
        for (CliSettings.Setting setting : CliSettings.RECORD) {
            assertThat(help).contains(setting.option(), "Env " + setting.variable());
        }
        assertThat(help).contains("--ids-file", "--keep-url-queries", "--api-key-file", "VOXWORKS_API_KEY",
                "Exit status: 0 when every call was saved").doesNotContain("--api-key=");
        assertThat(help.replace(" ", "")).contains("Defaulthttps://api.voxworks.ai.", "Defaultvoxworks-fixtures.");
    }

    @Test
    void outputDirectoryHoldsOnlyCompleteFixtureFiles() throws IOException {
        record("--out", dir.toString(), "call_bb_2001", "call_bb_2002", "call_bb_2003", "call_bb_2004");

        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted())
                    .containsExactly("calls/call_bb_2001.json", "calls/call_bb_2002.json", "calls/call_bb_2003.json",
                            "calls/call_bb_2004.json", "teams.json");
        }
    }
}
