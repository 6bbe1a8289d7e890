package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jshell/voxworks-shell end to end, on .jsh files, the way a scripted check runs it. */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("voxworks-shell").toAbsolutePath();

    @TempDir
    Path dir;

    record Run(int status, String output) {
    }

    private Run launch(String script, Map<String, String> env) throws IOException, InterruptedException {
        Path file = dir.resolve("check.jsh");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder("bash", LAUNCHER.toString(), file.toString())
                .redirectErrorStream(true);
        builder.environment().remove("VOXWORKS_API_KEY");
        builder.environment().remove("VOXWORKS_BASE_URL");
        // Maven built everything a moment ago; a nested build would only repeat it.
        builder.environment().put("VOXWORKS_SHELL_NO_BUILD", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void offlineScriptPrintsTheFixtureAndExitsZero() throws Exception {
        Run run = launch("""
                var c = call("call_nw_1005");
                println("end reason: " + c.endReason());
                """, Map.of());

        assertThat(run.output()).contains("offline: mock server at http://127.0.0.1:", "key vx_test_…",
                "\"id\" : \"call_nw_1005\"", "end reason: voicemail").doesNotContain("building");
        assertThat(run.status()).as(run.output()).isZero();
    }

    @Test
    void scriptWithARejectedSnippetExitsNonZero() throws Exception {
        Run run = launch("""
                println("first");
                int n = "not a number";
                println("never");
                """, Map.of());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("first", "check.jsh:2: rejected: int n = \"not a number\";").doesNotContain("never");
    }

    @Test
    void scriptWithAnEscapingExceptionExitsNonZero() throws Exception {
        Run run = launch("call(\"call_nw_1001\").transcript().substring(100000);\n", Map.of());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("check.jsh:1: exception java.lang.StringIndexOutOfBoundsException");
    }

    @Test
    void withAnApiKeyItTalksToTheBaseUrlFromTheEnvironment() throws Exception {
        try (MockServer colleague = MockServer.start(MockServerConfig.builder().port(0).build())) {
            Run run = launch("""
                    println("team: " + call("call_bb_2003").teamId());
                    """, Map.of("VOXWORKS_API_KEY", "vx_test_bluebird_5d0c6a", "VOXWORKS_BASE_URL", colleague.baseUrl()));

            assertThat(run.status()).as(run.output()).isZero();
            assertThat(run.output()).contains("remote: " + colleague.baseUrl(), "key vx_test_…", "team: team_bluebird")
                    .doesNotContain("vx_test_bluebird_5d0c6a").doesNotContain("offline");
        }
    }
}
