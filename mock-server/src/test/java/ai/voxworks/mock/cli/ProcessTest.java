package ai.voxworks.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code main}: exit statuses and a clean stop on SIGTERM. */
class ProcessTest {

    @Test
    void sigtermStopsTheServerCleanly() throws Exception {
        try (ServerProcess server = ServerProcess.fromClassPath("--port", "0")) {
            String url = server.awaitUrl();
            assertThat(new TestHttp(url).getCall("call_nw_1001", DemoData.NORTHWIND_KEY).statusCode()).isEqualTo(200);

            int status = server.terminate();

            assertThat(status).isEqualTo(143);
            assertThat(server.output()).contains("Voxworks mock server stopped.").doesNotContain("Exception");
        }
    }

    @Test
    void badFlagExitsWithStatus2() throws Exception {
        try (ServerProcess server = ServerProcess.fromClassPath("--latency", "fast")) {
            assertThat(server.awaitExit()).isEqualTo(2);
            assertThat(server.output().strip().lines()).singleElement()
                    .satisfies(line -> assertThat(line).contains("--latency", "'fast' is not a duration"));
        }
    }

    @Test
    void aTakenPortIsOneLineAndStatus1() throws Exception {
        try (MockServer taken = MockServer.start(MockServerConfig.builder().port(0).build());
             ServerProcess server = ServerProcess.fromClassPath("--port", Integer.toString(taken.port()))) {
            assertThat(server.awaitExit()).isEqualTo(1);
            assertThat(server.output().strip().lines()).singleElement()
                    .satisfies(line -> assertThat(line).startsWith("voxworks-mock-server: cannot start: cannot listen on 127.0.0.1:"));
        }
    }

    @Test
    void theReadyFileNamesThisServerOnceItServesAndGoesWhenItStops(@TempDir Path dir) throws Exception {
        Path ready = dir.resolve("mock.url");
        try (ServerProcess server = ServerProcess.fromClassPath("--port", "0", "--ready-file", ready.toString())) {
            String url = server.awaitUrl();
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(ready));

            // Port 0 picked a free port; the file names it, and it is this server that answers there.
            assertThat(Files.readString(ready)).isEqualTo(url + "\n").matches("http://127\\.0\\.0\\.1:\\d+\n");
            assertThat(new TestHttp(url).getCall("call_nw_1001", DemoData.NORTHWIND_KEY).statusCode()).isEqualTo(200);

            assertThat(server.terminate()).isEqualTo(143);
            assertThat(ready).doesNotExist();
        }
    }

    @Test
    void aServerThatCannotStartWritesNoReadyFileSoAWaitForItNeverTakesTheOtherServer(@TempDir Path dir)
            throws Exception {
        Path ready = dir.resolve("mock.url");
        try (MockServer taken = MockServer.start(MockServerConfig.builder().port(0).build());
             ServerProcess server = ServerProcess.fromClassPath("--port", Integer.toString(taken.port()),
                     "--ready-file", ready.toString())) {
            assertThat(server.awaitExit()).isEqualTo(1);
            assertThat(ready).doesNotExist();
        }
    }
}
