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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HotReloadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NEW_CALL = "{\"id\":\"call_nw_9001\",\"team_id\":\"team_northwind\",\"status\":\"completed\"}";

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

    @Test
    void runtimeChangesStayInForceOverReloadsUntilAReset() throws Exception {
        DemoData.copyTo(dir);
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).fixturesDir(dir).build())) {
            TestHttp http = new TestHttp(server.baseUrl());
            assertThat(http.sendBody("PUT", "/__mock/calls/call_nw_9001", NEW_CALL, "Content-Type", "application/json")
                    .statusCode()).isEqualTo(201);
            assertThat(http.sendBody("DELETE", "/__mock/calls/call_nw_1002", null, "Content-Type", "application/json")
                    .statusCode()).isEqualTo(204);

            // An unrelated file is edited; once its edit is served, the reload has happened.
            edit("call_nw_1005", "\"duration\": 44", "\"duration\": 45");
            await().atMost(Duration.ofSeconds(15)).until(() -> http.getCall("call_nw_1005", NORTHWIND_KEY).body()
                    .contains("\"duration\":45"));

            assertThat(http.getCall("call_nw_9001", NORTHWIND_KEY).statusCode()).isEqualTo(200);
            assertThat(http.getCall("call_nw_1002", NORTHWIND_KEY).statusCode()).isEqualTo(404);
            JsonNode health = JSON.readTree(http.get("/__mock/health").body());
            assertThat(health.get("status").asString()).isEqualTo("ok");
            assertThat(health.at("/runtime_changes/in_force").asInt()).isEqualTo(2);
            assertThat(health.at("/runtime_changes/put/0").asString()).isEqualTo("call_nw_9001");
            assertThat(health.at("/runtime_changes/deleted/0").asString()).isEqualTo("call_nw_1002");
            assertThat(JSON.readTree(http.get("/__mock/requests").body()).get("runtime_changes").asInt()).isEqualTo(2);

            // A file with the id put at run time, or the one deleted, does not undo the change either.
            Files.writeString(dir.resolve("calls/call_nw_9001.json"),
                    "{\"id\":\"call_nw_9001\",\"team_id\":\"team_northwind\",\"status\":\"from-file\"}");
            edit("call_nw_1002", "\"team_id\"", "\"team_id\"");
            edit("call_nw_1005", "\"duration\": 45", "\"duration\": 46");
            await().atMost(Duration.ofSeconds(15)).until(() -> http.getCall("call_nw_1005", NORTHWIND_KEY).body()
                    .contains("\"duration\":46"));
            assertThat(http.getCall("call_nw_9001", NORTHWIND_KEY).body()).contains("\"status\":\"completed\"");
            assertThat(http.getCall("call_nw_1002", NORTHWIND_KEY).statusCode()).isEqualTo(404);

            assertThat(http.sendBody("POST", "/__mock/reset", "{}", "Content-Type", "application/json").statusCode())
                    .isEqualTo(200);
            assertThat(http.getCall("call_nw_9001", NORTHWIND_KEY).body()).contains("\"status\":\"from-file\"");
            assertThat(http.getCall("call_nw_1002", NORTHWIND_KEY).statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(http.get("/__mock/health").body()).at("/runtime_changes/in_force").asInt()).isZero();
        }
    }

    @Test
    void aCallPutThroughTheApiAlsoSurvivesAReload() throws Exception {
        DemoData.copyTo(dir);
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).fixturesDir(dir).build())) {
            TestHttp http = new TestHttp(server.baseUrl());
            server.putCall(NEW_CALL);
            server.removeCall("call_nw_1002");

            edit("call_nw_1005", "\"duration\": 44", "\"duration\": 45");
            await().atMost(Duration.ofSeconds(15)).until(() -> http.getCall("call_nw_1005", NORTHWIND_KEY).body()
                    .contains("\"duration\":45"));

            assertThat(server.fixtures().call("call_nw_9001")).isPresent();
            assertThat(server.fixtures().call("call_nw_1002")).isEmpty();
        }
    }

    private void edit(String id, String from, String to) throws Exception {
        Path file = dir.resolve("calls/" + id + ".json");
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
