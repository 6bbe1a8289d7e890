package ai.voxworks.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * record --follow against a mock playing production, whose bundled calls move: the recorder waits in
 * production's time (its clock, moved by each wait), so following a 40 s call takes none.
 */
class RecordFollowTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path out;

    private final List<String> progress = new CopyOnWriteArrayList<>();
    private MockServer production;

    private MockServer production(String rateLimit) {
        production = MockServer.start(MockServerConfig.builder().port(0).rateLimit(RateLimit.parse(rateLimit)).build());
        return production;
    }

    @AfterEach
    void stop() {
        production.close();
    }

    private Recorder.Builder follower() {
        return Recorder.builder().from(production.baseUrl()).apiKey(DemoData.NORTHWIND_KEY).outputDir(out)
                .progress(progress::add).follow(true).sleeper(production::advance).clock(production.clock());
    }

    @Test
    void theStagesSeenBecomeATimelineThatTheMockServesMovingAsProductionDid() throws Exception {
        production("off");

        RecordingSummary summary = follower().build().record("call_nw_1007", "call_nw_1008", "call_nw_1001");

        assertThat(summary.succeeded()).as(summary.report()).isTrue();
        assertThat(summary.saved()).extracting(RecordingSummary.Saved::id, RecordingSummary.Saved::stages)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("call_nw_1007", 5),
                        org.assertj.core.groups.Tuple.tuple("call_nw_1008", 4),
                        org.assertj.core.groups.Tuple.tuple("call_nw_1001", 0));
        assertThat(summary.report()).contains("call_nw_1007  team_northwind  calls/call_nw_1007.json  (a timeline of 5 stages)");
        assertThat(progress).contains("[2/3] call_nw_1008: scheduled", "[3/3] call_nw_1001: saved calls/call_nw_1001.json "
                + "(team_northwind, already ended when first seen)");
        JsonNode file = JSON.readTree(Files.readString(out.resolve("calls/call_nw_1008.json")));
        assertThat(file.get("timeline")).extracting(s -> s.get("at").asString()).first().isEqualTo("0s");
        assertThat(file.get("contact_id").asString()).as("what every stage has alike is written once, above").isEqualTo("contact_nw_4459");

        // Served from the recording, the call goes through the same stages, each the body production sent.
        String demoKey = summary.newTeams().get(0).apiKeys().get(0);
        try (MockServer replay = MockServer.start(MockServerConfig.builder().port(0).fixturesDir(out).build())) {
            for (String id : List.of("call_nw_1007", "call_nw_1008")) {
                production.reset();
                assertThat(served(production, DemoData.NORTHWIND_KEY, id)).as(id).isEqualTo(served(replay, demoKey, id));
            }
        }
    }

    /** What a client that asks every second sees of the call, each distinct body once. */
    private static List<JsonNode> served(MockServer server, String key, String id) {
        TestHttp http = new TestHttp(server.baseUrl());
        List<JsonNode> seen = new ArrayList<>();
        for (int second = 0; second <= 60; second++) {
            JsonNode call = JSON.readTree(http.getCall(id, key).body()).get("call");
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(call)) {
                seen.add(call);
            }
            server.advance(Duration.ofSeconds(1));
        }
        return seen;
    }

    @Test
    void itNeverAsksFasterThanTheBudgetItCanSeeAndDrawsNo429() {
        production("4/20s");

        RecordingSummary summary = follower().build().record("call_nw_1007");

        assertThat(summary.succeeded()).as(summary.report()).isTrue();
        // The call's 40 s are two windows of 4 requests, and a bit: more than one window allows, none refused.
        assertThat(production.requests()).extracting(RecordedRequest::status).containsOnly(200).hasSizeGreaterThan(4);
        assertThat(production.requests().get(0).stage()).as("the last request saw the end").isEqualTo(4);
    }

    @Test
    void everyStageIsRedactedAsARecordedCallIs() throws Exception {
        production("off");

        RecordingSummary summary = follower().redact("/transcript").build().record("call_nw_1007");

        assertThat(summary.saved()).singleElement().extracting(RecordingSummary.Saved::redacted).asList()
                .containsExactly("/transcript");
        String file = Files.readString(out.resolve("calls/call_nw_1007.json"));
        assertThat(file).doesNotContain("AI: ", "User: ").contains("[redacted]");
        assertThat(Fixtures.load(out).call("call_nw_1007").orElseThrow().stages()).hasSize(5);
    }

    @Test
    void aCallThatHasNotEndedByTheDeadlineIsNotWritten() {
        production("off");

        RecordingSummary summary = follower().followTimeout(Duration.ofSeconds(10)).build().record("call_nw_1007");

        assertThat(summary.saved()).isEmpty();
        assertThat(summary.skipped()).singleElement().extracting(RecordingSummary.Skipped::reason).asString()
                .startsWith("did not end within 10s (last seen in-progress (dialling)); a timeline ends with the call's end");
        assertThat(out.resolve("calls/call_nw_1007.json")).doesNotExist();
        assertThatThrownBy(() -> Recorder.builder().followTimeout(Duration.ofDays(2)))
                .hasMessage("followTimeout must be from 1s to 1d, not 2d");
    }
}
