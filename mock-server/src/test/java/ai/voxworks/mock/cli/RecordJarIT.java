package ai.voxworks.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.TestHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-contained jar records from a mock playing production, then serves the result without loading the recorder. */
class RecordJarIT {

    private static final Path JAR = Path.of("target", "voxworks-mock-server.jar");

    @Test
    void jarRecordsCallsThenServesThemUnderTheNewDemoKeyLoadingNothingOfTheRecorder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("recorded");
        Path key = Files.writeString(dir.resolve("key"), DemoData.BLUEBIRD_KEY);
        String recordOutput;
        try (MockServer production = MockServer.start(MockServerConfig.builder().port(0).build());
             ServerProcess record = ServerProcess.fromJar(JAR, "record", "--from", production.baseUrl(),
                     "--api-key-file", key.toString(), "--out", out.toString(), "call_bb_2001", "call_bb_2002")) {
            assertThat(record.awaitExit()).isZero();
            recordOutput = record.output();
        }
        assertThat(recordOutput).contains("Recorded 2 of 2 calls", "loads as the mock's fixtures")
                .doesNotContain(DemoData.BLUEBIRD_KEY);
        Matcher demoKey = Pattern.compile("demo key (vx_test_bluebird_[0-9a-f]{12})").matcher(recordOutput);
        assertThat(demoKey.find()).as(recordOutput).isTrue();

        String served;
        try (ServerProcess server = ServerProcess.fromJar(JAR, List.of("-verbose:class"), "--port", "0",
                "--fixtures", out.toString())) {
            HttpResponse<String> call = new TestHttp(server.awaitUrl()).getCall("call_bb_2001", demoKey.group(1));

            assertThat(call.statusCode()).isEqualTo(200);
            assertThat(call.body()).contains("\"id\":\"call_bb_2001\"", "\"agent_version\":\"2026.11.2\"");
            assertThat(server.terminate()).isEqualTo(143);
            served = server.output();
        }
        // Serving pays nothing for recording: of it, only the command line's options holder is loaded.
        // The client's shared helpers (key masking, durations) are loaded; its HTTP client is not.
        assertThat(served).contains("ai.voxworks.mock.internal.http.GetCallHandler", "ai.voxworks.mock.cli.RecordCommand ")
                .doesNotContain("ai.voxworks.mock.internal.record.", "ai.voxworks.mock.Recorder",
                        "ai.voxworks.mock.RecordingSummary", "ai.voxworks.mock.cli.RecordCommand$Run",
                        "ai.voxworks.client.VoxworksClient", "okhttp3.", "java.net.http.");
    }
}
