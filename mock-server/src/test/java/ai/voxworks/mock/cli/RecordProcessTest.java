package ai.voxworks.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.voxworks.mock.CallSummary;
import ai.voxworks.mock.Fixtures;
import ai.voxworks.mock.Team;
import ai.voxworks.mock.testing.StubUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record} as a separate JVM: what a run killed half-way leaves behind. */
class RecordProcessTest {

    @Test
    void aKilledRunLeavesOnlyWholeFilesThatLoad(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("recorded");
        Path key = Files.writeString(dir.resolve("key"), "vx_live_process_key_0123456789");
        try (StubUpstream upstream = StubUpstream.start()) {
            upstream.fixture("call_nw_1001").fixture("call_bb_2001").hang("call_nw_1003");
            try (ServerProcess record = ServerProcess.fromClassPath(List.of(), "record", "--from", upstream.baseUrl(),
                    "--api-key-file", key.toString(), "--out", out.toString(), "call_nw_1001", "call_bb_2001", "call_nw_1003")) {
                record.awaitLine("[2/3] call_bb_2001: saved");
                await().atMost(Duration.ofSeconds(30)).until(() -> upstream.hits("call_nw_1003") > 0);

                record.kill();
            }
        }

        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> out.relativize(f).toString()).sorted())
                    .containsExactly("calls/call_bb_2001.json", "calls/call_nw_1001.json", "teams.json");
        }
        Fixtures recorded = Fixtures.load(out);
        assertThat(recorded.calls()).extracting(CallSummary::id).containsExactly("call_bb_2001", "call_nw_1001");
        assertThat(recorded.teams()).extracting(Team::id).containsExactly("team_bluebird", "team_northwind");
    }
}
