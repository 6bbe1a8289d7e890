package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.LocalServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What an embedding test can do with a running server, without going through the admin API. */
class MockServerApiTest {

    @RegisterExtension
    final LocalServer mock = LocalServer.with(b -> b.rateLimit(RateLimit.of(2, Duration.ofMinutes(5))));

    private static final String NEW_CALL = """
            {"id": "call_nw_9001", "team_id": "team_northwind", "status": "queued", "duration": null}
            """;

    @Test
    void fixturesShowWhatIsServedReadOnly() {
        Fixtures data = mock.server().fixtures();

        assertThat(data.source()).isEqualTo("bundled");
        assertThat(data.teams()).extracting(Team::id).containsExactly("team_bluebird", "team_northwind");
        assertThat(data.calls()).hasSize(12).first().isEqualTo(new CallSummary("call_bb_2001", "team_bluebird", "completed"));
        assertThat(data.teamOfKey(NORTHWIND_KEY)).map(Team::id).hasValue("team_northwind");
        assertThat(data.teams().get(0).toString()).doesNotContain(DemoData.BLUEBIRD_KEY);
    }

    @Test
    void theDemoKeyIsTheFirstKeyOfTheFirstTeamInTeamsJsonNotTheFirstById(@TempDir Path dir) throws IOException {
        assertThat(mock.server().fixtures().demoKey()).isEqualTo(NORTHWIND_KEY);
        assertThat(mock.server().fixtures().demoCall()).map(CallSummary::id).hasValue("call_nw_1001");

        Files.createDirectories(dir.resolve("calls"));
        Files.writeString(dir.resolve("teams.json"), """
                {"teams": [{"id": "team_zeta", "name": "Zeta", "api_keys": ["vx_test_zeta_first_000001", "vx_test_zeta_2"]},
                           {"id": "team_alpha", "name": "Alpha", "api_keys": ["vx_test_alpha_000000001"]}]}
                """);
        Fixtures data = Fixtures.load(dir);

        assertThat(data.teams()).extracting(Team::id).containsExactly("team_alpha", "team_zeta");
        assertThat(data.demoKey()).isEqualTo("vx_test_zeta_first_000001");
        assertThat(data.demoCall()).isEmpty();
    }

    @Test
    void putCallIsServedAtOnceAndRemoveCallTakesItAway() {
        CallSummary stored = mock.server().putCall(NEW_CALL);

        assertThat(stored).isEqualTo(new CallSummary("call_nw_9001", "team_northwind", "queued"));
        assertThat(mock.http().getCall("call_nw_9001", NORTHWIND_KEY).body()).contains("\"status\":\"queued\"");
        assertThat(mock.server().removeCall("call_nw_9001")).isTrue();
        assertThat(mock.server().removeCall("call_nw_9001")).isFalse();
        assertThat(mock.http().getCall("call_nw_9001", NORTHWIND_KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void invalidCallIsRefusedWithEveryProblemAndChangesNothing() {
        assertThatThrownBy(() -> mock.server().putCall(NEW_CALL.replace("null", "\"long\"").replace("team_northwind", "team_ghost")))
                .isInstanceOfSatisfying(InvalidFixturesException.class, e -> assertThat(e.problems())
                        .extracting(FixtureProblem::pointer).containsExactlyInAnyOrder("/duration", "/team_id"));
        assertThat(mock.server().fixtures().call("call_nw_9001")).isEmpty();
    }

    @Test
    void requestsAreTheJournalNewestFirstWithCallIdsAndMaskedKeys() {
        mock.http().getCall("call_nw_1001", NORTHWIND_KEY);
        mock.http().getCall("a%2Fb", NORTHWIND_KEY);

        assertThat(mock.server().requests()).hasSize(2);
        RecordedRequest newest = mock.server().requests().get(0);
        assertThat(newest.callId()).hasValue("a/b");
        assertThat(newest.status()).isEqualTo(404);
        assertThat(mock.server().requests().get(1).teamId()).isEqualTo("team_northwind");
        assertThat(mock.server().requests().get(1).maskedKey()).isEqualTo("vx_test_…3a9c").isNotEqualTo(NORTHWIND_KEY);
    }

    @Test
    void resetRestoresDataBucketsAndJournal() {
        mock.server().removeCall("call_nw_1001");
        mock.server().putCall(NEW_CALL);
        mock.http().getCall("call_nw_1002", NORTHWIND_KEY);
        mock.http().getCall("call_nw_1002", NORTHWIND_KEY);
        assertThat(mock.http().getCall("call_nw_1002", NORTHWIND_KEY).statusCode()).isEqualTo(429);

        mock.server().reset();

        assertThat(mock.server().requests()).isEmpty();
        assertThat(mock.server().fixtures().call("call_nw_9001")).isEmpty();
        assertThat(mock.http().getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void fixturesCanBeCheckedWithoutAServer(@TempDir Path dir) throws IOException {
        DemoData.copyTo(dir);
        Files.writeString(dir.resolve("calls/call_nw_1001.json"), "{\"id\": \"call_nw_1001\"}");

        assertThat(Fixtures.load(DemoData.fixturesDir()).calls()).hasSize(12);
        assertThatThrownBy(() -> Fixtures.load(dir)).isInstanceOf(InvalidFixturesException.class)
                .hasMessageContaining("call_nw_1001.json: /team_id: every call needs a team_id");
        assertThat(Fixtures.bundled().calls()).isEqualTo(Fixtures.load(DemoData.fixturesDir()).calls());
    }
}
