package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

        assertThat(err()).contains("no API key for https://api.example: set VOXWORKS_API_KEY (or give --api-key-file FILE)");
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

    @Test
    void anUnreachableServerIsOneLineAndStatus1() {
        assertThat(run(Map.of("VOXWORKS_API_KEY", "vx_live_secret_key_0123456789"), "--base-url", "http://127.0.0.1:1",
                "--call-id", "c1")).isEqualTo(1);

        assertThat(err()).startsWith("voxworks-conformance: cannot reach http://127.0.0.1:1: ConnectException")
                .doesNotContain("secret");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
