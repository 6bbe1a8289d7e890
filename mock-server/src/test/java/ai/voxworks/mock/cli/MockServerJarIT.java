package ai.voxworks.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.TestHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's run command: the self-contained jar starts, serves a fixture with a demo key, and stops. */
class MockServerJarIT {

    private static final Path JAR = Path.of("target", "voxworks-mock-server.jar");

    @Test
    void selfContainedJarServesTheBundledFixtures() throws Exception {
        assertThat(Files.isRegularFile(JAR)).as("built by the package phase: " + JAR.toAbsolutePath()).isTrue();
        try (ServerProcess server = ServerProcess.fromJar(JAR, "--port", "0")) {
            TestHttp http = new TestHttp(server.awaitUrl());

            HttpResponse<String> call = http.getCall("call_bb_2001", DemoData.BLUEBIRD_KEY);
            HttpResponse<String> spec = http.get("/openapi.yaml");

            assertThat(call.statusCode()).isEqualTo(200);
            assertThat(call.body()).contains("\"id\":\"call_bb_2001\"", "\"agent_version\":\"2026.11.2\"");
            assertThat(spec.body()).startsWith("openapi: 3.1.0");
            assertThat(server.terminate()).isEqualTo(143);
        }
    }

    @Test
    void jarPrintsHelp() throws Exception {
        try (ServerProcess server = ServerProcess.fromJar(JAR, "--help")) {
            assertThat(server.awaitExit()).isZero();
            assertThat(server.output()).contains("--rate-limit", "VOXWORKS_MOCK_PORT");
        }
    }
}
