package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.client.Call;
import ai.voxworks.mock.InvalidFixturesException;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RecordingSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exploring and capturing are one flow: record(id) from the server in use, offline(dir) serves what was saved. */
class RecordFromJshellTest {

    private static final String PRODUCTION_KEY = "vx_test_bluebird_5d0c6a";

    @TempDir
    Path dir;

    @Test
    void recordSavesCallsFromTheServerInUseAndOfflineDirServesThemUnderANewDemoKey() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // A second mock stands in for production: the session talks to it as it would to the real API.
        try (MockServer production = MockServer.start(MockServerConfig.builder().port(0).build());
             Session session = Session.open(Map.of("VOXWORKS_API_KEY", PRODUCTION_KEY,
                     "VOXWORKS_BASE_URL", production.baseUrl())::get, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            Call upstream = session.call("call_bb_2001");

            RecordingSummary summary = session.record(dir, "call_bb_2001", "call_nw_1001");
            session.offline(dir);
            Call recorded = session.call("call_bb_2001");

            assertThat(summary.saved()).extracting(RecordingSummary.Saved::id).containsExactly("call_bb_2001");
            assertThat(summary.skipped()).extracting(RecordingSummary.Skipped::id).containsExactly("call_nw_1001");
            assertThat(recorded.json()).isEqualTo(upstream.json());
            assertThat(session.client().maskedApiKey()).startsWith("vx_test_").doesNotEndWith("c6a");
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("Recording from remote: " + production.baseUrl() + " into " + dir.toAbsolutePath(),
                    "offline: mock server at ", "1 calls from " + dir);
            assertThat(printed).doesNotContain(PRODUCTION_KEY);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain(PRODUCTION_KEY);
                }
            }
        }
    }

    @Test
    void offlineWithAnInvalidDirectoryListsItsProblemsAndKeepsTheSession(@TempDir Path empty) {
        try (Session session = Session.open(Map.<String, String>of()::get, new PrintStream(new ByteArrayOutputStream()))) {
            assertThatThrownBy(() -> session.offline(empty)).isInstanceOf(InvalidFixturesException.class)
                    .hasMessageContaining("teams.json");

            assertThat(session.call("call_nw_1001").id()).isEqualTo("call_nw_1001");
        }
    }
}
