package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line's usage, in-process: what a mistake prints and the exit status. The jar itself: {@link ConformanceJarIT}. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args, env::get);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryOptionWithItsVariable() {
        assertThat(run(Map.of(), "--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--base-url=URL", "VOXWORKS_BASE_URL", "VOXWORKS_CALL_ID",
                "VOXWORKS_FOREIGN_CALL_ID", "VOXWORKS_API_KEY", "VOXWORKS_API_KEY_FILE", "VOXWORKS_OTHER_API_KEY",
                "VOXWORKS_CONFORMANCE_PROFILE", "VOXWORKS_CONFORMANCE_RATE_LIMIT", "VOXWORKS_CONFORMANCE_RATE_LIMIT_WINDOW",
                "VOXWORKS_CONFORMANCE_MAX_WAIT", "VOXWORKS_CONFORMANCE_SPEC", "VOXWORKS_CONFORMANCE_REPORT",
                "VOXWORKS_CONFORMANCE_TIMEOUT", "VOXWORKS_CONFORMANCE_DEADLINE", "VOXWORKS_CONFORMANCE_FUZZ",
                "VOXWORKS_CONFORMANCE_SEED", "VOXWORKS_CONFORMANCE_MAX_RESPONSE_TIME",
                "bundled in this jar", "Exit status: 0");
    }

    @Test
    void everyOptionHasAVariable() {
        for (String option : new picocli.CommandLine(new Main(null, null)).getCommandSpec().optionsMap().keySet()) {
            if (option.startsWith("--") && !option.equals("--help") && !option.equals("--version")) {
                assertThat(Main.variable(option)).as(option).startsWith("VOXWORKS_");
            }
        }
    }

    @Test
    void anUnknownFlagIsBadUsage() {
        assertThat(run(Map.of(), "--base-uri=http://x")).isEqualTo(2);

        assertThat(err().strip()).isEqualTo("voxworks-conformance: Unknown option: '--base-uri=http://x'; "
                + "did you mean --base-url? (see --help)");
    }

    @Test
    void aBaseUrlWithoutAKeyIsBadUsage() {
        assertThat(run(Map.of(), "--base-url", "https://api.example", "--call-id", "c1")).isEqualTo(2);

        assertThat(err()).contains("no API key for https://api.example: set VOXWORKS_API_KEY (or give --api-key-file FILE, voxworks.apiKeyFile under Maven)");
    }

    @Test
    void aBadValueFromTheEnvironmentIsBadUsageNamingTheVariable() {
        assertThat(run(Map.of("VOXWORKS_CONFORMANCE_PROFILE", "lenient"))).isEqualTo(2);

        assertThat(err()).contains("--profile (VOXWORKS_CONFORMANCE_PROFILE): 'lenient' is neither contract nor strict");
    }

    @Test
    void anEmptyKeyFileIsBadUsage(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("key"), "\n");

        assertThat(run(Map.of(), "--base-url", "https://api.example", "--call-id", "c1", "--api-key-file", file.toString()))
                .isEqualTo(2);
        assertThat(err()).contains("key is empty: it should hold the API key");
    }

    @Test
    void aSpecWithoutTheOperationIsBadUsage(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.1.0\npaths: {}\n");

        assertThat(run(Map.of(), "--spec", spec.toString())).isEqualTo(2);
        assertThat(err()).contains("documents no responses for GET /api/v1/get-call/{call_id}");
    }

    /** A bad value for each flag, and what the one line must name; a remote target where the flag needs one. */
    static Stream<Arguments> badValues() throws IOException {
        Path dir = Files.createTempDirectory("conformance-bad-usage");
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Path twoLines = Files.writeString(dir.resolve("two-keys"), "vx_live_one_key_0000000000\nvx_live_another_00000000\n");
        return Stream.of(
                Arguments.of("--base-url", "http://127.0.0.1:99999", "'http://127.0.0.1:99999' has port 99999; a port is 1 to 65535"),
                Arguments.of("--base-url", "http://127.0.0.1:4010/?key=1", "has a query (?key=1); give the server's base URL alone"),
                Arguments.of("--base-url", "ftp://127.0.0.1", "'ftp://127.0.0.1' is not an http or https URL"),
                Arguments.of("--base-url", "https://user:secret@api.example", "the URL holds a user name or password"),
                Arguments.of("--call-id", "c\u00011", "--call-id (VOXWORKS_CALL_ID): the id holds the control character U+0001"),
                Arguments.of("--foreign-call-id", "c1", "--foreign-call-id (VOXWORKS_FOREIGN_CALL_ID): 'c1' is the same as --call-id"),
                Arguments.of("--api-key-file", dir.resolve("missing").toString(), "--api-key-file (VOXWORKS_API_KEY_FILE): cannot read "
                        + dir.resolve("missing") + ": no such file or directory"),
                Arguments.of("--api-key-file", twoLines.toString(), "should hold the key alone, on one line"),
                Arguments.of("--other-api-key-file", dir.toString(), "--other-api-key-file (VOXWORKS_OTHER_API_KEY_FILE): " + dir
                        + " is a directory"),
                Arguments.of("--profile", "lenient", "--profile (VOXWORKS_CONFORMANCE_PROFILE): 'lenient' is neither contract nor strict"),
                Arguments.of("--rate-limit", "maybe", "--rate-limit (VOXWORKS_CONFORMANCE_RATE_LIMIT): 'maybe' is not true or false"),
                Arguments.of("--rate-limit-window", "0s", "--rate-limit-window (VOXWORKS_CONFORMANCE_RATE_LIMIT_WINDOW) must be from 1s"),
                Arguments.of("--max-wait", "soon", "--max-wait (VOXWORKS_CONFORMANCE_MAX_WAIT): 'soon' is not a duration"),
                Arguments.of("--timeout", "10", "--timeout (VOXWORKS_CONFORMANCE_TIMEOUT): '10' has no unit; write 10ms or 10s"),
                Arguments.of("--deadline", "500ms", "--deadline (VOXWORKS_CONFORMANCE_DEADLINE) must be from 1s to 1d, not 500ms"),
                Arguments.of("--fuzz", "many", "--fuzz (VOXWORKS_CONFORMANCE_FUZZ): 'many' is not a whole number"),
                Arguments.of("--fuzz", "-1", "--fuzz (VOXWORKS_CONFORMANCE_FUZZ) must be from 0 to 10000, not -1"),
                Arguments.of("--seed", "0x2a", "--seed (VOXWORKS_CONFORMANCE_SEED): '0x2a' is not a whole number"),
                Arguments.of("--max-response-time", "fast", "--max-response-time (VOXWORKS_CONFORMANCE_MAX_RESPONSE_TIME): 'fast' is not"),
                Arguments.of("--spec", dir.resolve("missing.yaml").toString(), "--spec (VOXWORKS_CONFORMANCE_SPEC): cannot read the spec "
                        + dir.resolve("missing.yaml") + ": no such file or directory"),
                Arguments.of("--report", file.toString(), "--report (VOXWORKS_CONFORMANCE_REPORT): " + file + " is a file, not a directory"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badValues")
    void aBadValueForAnyFlagIsOneLineAndStatus2(String flag, String value, String message) {
        List<String> args = new ArrayList<>(List.of("--base-url", "http://127.0.0.1:1", "--call-id", "c1"));
        if (flag.equals("--base-url") || flag.equals("--call-id")) {
            args.subList(flag.equals("--base-url") ? 0 : 2, flag.equals("--base-url") ? 2 : 4).clear();
        }
        args.addAll(List.of(flag, value));

        assertThat(run(Map.of("VOXWORKS_API_KEY", "vx_live_secret_key_0123456789"), args.toArray(String[]::new))).isEqualTo(2);

        assertThat(err().lines()).singleElement().asString().startsWith("voxworks-conformance: ").contains(message)
                .endsWith(" (see --help)").doesNotContain("secret", "Exception", "\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void everyFlagHasABadValueTested() throws IOException {
        Set<String> tested = badValues().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        for (String option : new picocli.CommandLine(new Main(null, null)).getCommandSpec().optionsMap().keySet()) {
            if (option.startsWith("--") && !option.equals("--help") && !option.equals("--version")) {
                assertThat(tested).as(option).contains(option);
            }
        }
    }

    @Test
    void aServerThatCannotBeReachedIsOneLineAndStatus1() {
        assertThat(run(Map.of("VOXWORKS_API_KEY", "vx_live_secret_key_0123456789"), "--base-url", "http://127.0.0.1:1",
                "--call-id", "c1")).isEqualTo(1);

        assertThat(err().lines()).singleElement().asString()
                .startsWith("voxworks-conformance: cannot connect (Connection refused): GET http://127.0.0.1:1/api/v1/get-call/c1")
                .doesNotContain("secret");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersIsOneLineAfterOneTimeout() {
        try (FakeVoxworks server = new FakeVoxworks(FakeVoxworks.Fault.NEVER_ANSWERS)) {
            assertThat(run(Map.of("VOXWORKS_API_KEY", "vx_live_secret_key_0123456789"), "--base-url", server.baseUrl(),
                    "--call-id", "c1", "--timeout", "1s")).isEqualTo(1);

            assertThat(err().lines()).containsExactly("voxworks-conformance: no answer in 1 s (--timeout): GET "
                    + server.baseUrl() + "/api/v1/get-call/c1");
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(server.requestCount()).as("the probe at most, never a case").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void httpsToAPlainHttpPortIsOneLineSayingSo() {
        try (MockServer mock = MockServer.start(MockServerConfig.builder().port(0).build())) {
            String https = mock.baseUrl().replace("http:", "https:");

            assertThat(run(Map.of("VOXWORKS_API_KEY", "vx_live_secret_key_0123456789"), "--base-url", https, "--call-id", "c1"))
                    .isEqualTo(1);

            assertThat(err().lines()).singleElement().asString().startsWith("voxworks-conformance: TLS handshake failed (")
                    .contains("is it a plain-HTTP port? try " + mock.baseUrl() + ": GET " + https + "/api/v1/get-call/c1");
        }
    }
}
