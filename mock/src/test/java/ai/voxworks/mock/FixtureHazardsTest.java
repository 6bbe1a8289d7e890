package ai.voxworks.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and timing that once broke the data: resets racing each other, a named pipe among the
 * calls, a link to a file outside the fixtures directory.
 */
class FixtureHazardsTest {

    @TempDir
    Path dir;

    @Test
    void eightParallelResetsTenTimesAllSucceed() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).build())) {
            TestHttp http = new TestHttp(server.baseUrl());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Integer> statuses = new ArrayList<>();
                for (int round = 0; round < 10; round++) {
                    List<Future<Integer>> resets = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        resets.add(pool.submit(() -> http.sendBody("POST", "/__mock/reset", "{}",
                                "Content-Type", "application/json").statusCode()));
                    }
                    for (Future<Integer> reset : resets) {
                        statuses.add(reset.get());
                    }
                }
                assertThat(statuses).hasSize(80).containsOnly(200);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aNamedPipeAmongTheCallsIsAProblemNotAHang() throws Exception {
        DemoData.copyTo(dir);
        mkfifo(dir.resolve("calls/call_nw_4242.json"));

        assertThatThrownBy(() -> MockServer.start(MockServerConfig.builder().port(0).fixturesDir(dir).build()))
                .isInstanceOf(InvalidFixturesException.class)
                .hasMessageContaining("call_nw_4242.json: (document): not a regular file");
    }

    @Test
    void aNamedPipeAppearingLaterKeepsTheDataAndDelaysNothing() throws Exception {
        DemoData.copyTo(dir);
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).fixturesDir(dir).build())) {
            TestHttp http = new TestHttp(server.baseUrl());

            mkfifo(dir.resolve("calls/call_nw_4242.json"));
            await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/__mock/health").body().contains("not a regular file"));
            long started = System.nanoTime();
            HttpResponse<String> delayed = http.get(TestHttp.GET_CALL + "call_nw_1001",
                    "Authorization", "Bearer " + DemoData.NORTHWIND_KEY, "Prefer", "delay=200");
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(delayed.statusCode()).isEqualTo(200);
            assertThat(tookMs).isLessThan(5_000);
            assertThat(http.get("/__mock/health").body()).contains("\"status\":\"degraded\"");
            assertThat(server.fixtures().calls()).hasSize(12);
        }
    }

    @Test
    void aLinkToAFileOutsideAppearingLaterIsAProblemThatQuotesNothingOfIt(@TempDir Path outside) throws Exception {
        DemoData.copyTo(dir);
        Path secret = Files.writeString(outside.resolve("shadow"), "root:$6$secrethash:19000:0:99999:7:::");
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).fixturesDir(dir).build())) {
            TestHttp http = new TestHttp(server.baseUrl());

            Files.createSymbolicLink(dir.resolve("calls/call_nw_4243.json"), secret);
            await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/__mock/health").body().contains("degraded"));

            String health = http.get("/__mock/health").body();
            assertThat(health).contains("call_nw_4243.json", "outside the fixtures directory").doesNotContain("root:", "secrethash");
            assertThat(server.fixtures().calls()).hasSize(12);
            assertThat(http.getCall("call_nw_4243", DemoData.NORTHWIND_KEY).statusCode()).isEqualTo(404);
        }
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor()).as("mkfifo " + path).isZero();
        assertThat(Files.isRegularFile(path)).isFalse();
    }
}
