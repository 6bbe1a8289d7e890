package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotReloadTest {

    @TempDir
    Path dir;

    @Test
    void validEditIsServedAndInvalidEditKeepsEverythingAsBefore() throws Exception {
        DemoData.copyTo(dir);
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).fixturesDir(dir).build())) {
            TestHttp http = new TestHttp(server.baseUrl());
            Path file = dir.resolve("calls/call_nw_1001.json");

            Files.writeString(file, Files.readString(file).replace("\"duration\": 204", "\"duration\": 205"));
            await().atMost(Duration.ofSeconds(15)).until(() -> http.getCall("call_nw_1001", NORTHWIND_KEY).body().contains("\"duration\":205"));
            Files.writeString(dir.resolve("calls/call_nw_7777.json"),
                    "{\"id\":\"call_nw_7777\",\"team_id\":\"team_northwind\",\"status\":\"queued\"}");
            await().atMost(Duration.ofSeconds(15)).until(() -> http.getCall("call_nw_7777", NORTHWIND_KEY).statusCode() == 200);
            String servedBefore = http.getCall("call_nw_1001", NORTHWIND_KEY).body();
            String otherBefore = http.getCall("call_nw_1006", NORTHWIND_KEY).body();

            Files.writeString(file, Files.readString(file).replace("\"duration\": 205", "\"duration\": \"abc\""));
            await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/__mock/health").body().contains("\"ok\":false"));

            assertThat(http.get("/__mock/health").body()).contains("\"status\":\"degraded\"", "/duration", "call_nw_1001.json");
            assertThat(http.getCall("call_nw_1001", NORTHWIND_KEY).body()).isEqualTo(servedBefore);
            assertThat(http.getCall("call_nw_1006", NORTHWIND_KEY).body()).isEqualTo(otherBefore);
            assertThat(http.getCall("call_nw_7777", NORTHWIND_KEY).statusCode()).isEqualTo(200);
        }
    }

}
