package ai.voxworks.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-contained jar: record from a mock playing production, serve the result; serving loads nothing of the recorder. */
class RecordJarIT {

    private static final Path JAR = Path.of("target", "voxworks-mock-server.jar");

    @Test
    void jarRecordsCallsThatTheJarThenServesUnderTheNewDemoKey(@TempDir Path dir) throws Exception {
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

        try (ServerProcess server = ServerProcess.fromJar(JAR, "--port", "0", "--fixtures", out.toString())) {
            HttpResponse<String> call = new TestHttp(server.awaitUrl()).getCall("call_bb_2001", demoKey.group(1));

            assertThat(call.statusCode()).isEqualTo(200);
            assertThat(call.body()).contains("\"id\":\"call_bb_2001\"", "\"agent_version\":\"2026.11.2\"");
            assertThat(server.terminate()).isEqualTo(143);
        }
    }

    @Test
    void servingLoadsNoClassOfTheRecorderNorTheJdkHttpClient() throws Exception {
        String classes;
        try (ServerProcess server = ServerProcess.fromJar(JAR, List.of("-verbose:class"), "--port", "0")) {
            String url = server.awaitUrl();
            assertThat(new TestHttp(url).getCall("call_nw_1001", DemoData.NORTHWIND_KEY).statusCode()).isEqualTo(200);
            server.terminate();
            classes = server.output();
        }

        assertThat(classes).contains("ai.voxworks.mock.internal.http.GetCallHandler")
                .doesNotContain("ai.voxworks.mock.internal.record.", "ai.voxworks.mock.Recorder",
                        "ai.voxworks.mock.RecordingSummary", "ai.voxworks.client.", "java.net.http.");
    }
}
