package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.mock.testing.ManualClock;
import ai.voxworks.mock.testing.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls that move: each request gets the stage its timeline has reached since that call's first
 * request, in the mock's time (a clock that moves only when the test says, here).
 */
class TimelineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ManualClock clock = new ManualClock();
    private MockServer server;
    private TestHttp http;

    private void start(String rateLimit) {
        server = MockServer.start(MockServerConfig.builder().port(0).rateLimit(RateLimit.parse(rateLimit)).build(), clock);
        http = new TestHttp(server.baseUrl());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonNode call(String id) {
        HttpResponse<String> response = http.getCall(id, NORTHWIND_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(GetCallSchema.violations(response.body())).as("what the spec refuses in %s", response.body()).isEmpty();
        return JSON.readTree(response.body()).get("call");
    }

    private static String stage(JsonNode call) {
        JsonNode progress = call.get("progress");
        return call.get("status").asString() + (progress == null || progress.isNull() ? "" : " " + progress.asString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"call_nw_1007, completed", "call_nw_1008, no-answer"})
    void pollingABundledMovingCallEveryTwoSecondsShowsItsStagesInOrderEachValid(String id, String end) {
        start("60/60s");
        List<String> seen = new ArrayList<>();
        JsonNode call = call(id);
        seen.add(stage(call));
        int polls = 1;
        while (!call.get("status").asString().equals(end)) {
            server.advance(Duration.ofSeconds(2));
            call = call(id);
            seen.add(stage(call));
            assertThat(++polls).as("ends within 60 s of its first request").isLessThanOrEqualTo(31);
        }

        Set<String> stages = new LinkedHashSet<>(seen);
        List<String> statuses = stages.stream().map(s -> s.split(" ")[0]).distinct().toList();
        assertThat(statuses).containsExactly("scheduled", "in-progress", end);
        assertThat(stages.stream().filter(s -> s.startsWith("in-progress ")).count()).as("the progress changes").isGreaterThan(1);
        if (end.equals("completed")) {
            assertThat(call.get("transcript").asString()).contains("AI: ").contains("User: ");
            assertThat(call.get("duration").asInt()).isPositive();
        }
        assertThat(call.get("end_time").isNull()).isFalse();
    }

    @Test
    void eachCallsTimelineRunsFromItsOwnFirstRequest() {
        start("60/60s");
        assertThat(stage(call("call_nw_1007"))).isEqualTo("scheduled");
        server.advance(Duration.ofSeconds(20));

        assertThat(stage(call("call_nw_1008"))).isEqualTo("scheduled");
        assertThat(stage(call("call_nw_1007"))).isEqualTo("in-progress confirming_appointment");
    }

    @Test
    void aResetStartsEveryTimelineAgain() throws Exception {
        start("60/60s");
        call("call_nw_1008");
        server.advance(Duration.ofMinutes(1));
        assertThat(stage(call("call_nw_1008"))).isEqualTo("no-answer");

        server.reset();

        assertThat(stage(call("call_nw_1008"))).isEqualTo("scheduled");
    }

    @Test
    void advancingMovesTheRateLimitWindowsToo() {
        start("2/60s");
        call("call_nw_1001");
        call("call_nw_1001");
        assertThat(http.getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(429);

        server.advance(Duration.ofSeconds(60));

        assertThat(http.getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> server.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("advance must be from 0ms to 30d, not -1s");
    }

    @Test
    void theJournalNamesTheStageThatAnswered() throws Exception {
        start("60/60s");
        call("call_nw_1007");
        server.advance(Duration.ofSeconds(14));
        call("call_nw_1007");
        call("call_nw_1001");

        assertThat(server.requests()).extracting(RecordedRequest::stage).containsExactly(null, 2, 0);
        JsonNode journal = JSON.readTree(http.get("/__mock/requests").body()).get("requests");
        assertThat(journal.get(1).get("stage").asInt()).isEqualTo(2);
        assertThat(journal.get(0).has("stage")).as("a call that does not move has no stage").isFalse();
    }

    @Test
    void oneCallsTimelineMovesToAStageOrForwardFromCodeAndOverTheAdminApi() {
        start("60/60s");
        assertThat(server.timelineToStage("call_nw_1007", 3)).isEqualTo(3);
        assertThat(stage(call("call_nw_1007"))).isEqualTo("in-progress collecting_reminder_preference");
        assertThat(server.advanceTimeline("call_nw_1008", Duration.ofSeconds(10))).as("not asked for yet: it starts").isEqualTo(2);

        HttpResponse<String> moved = admin("POST", "/__mock/calls/call_nw_1007/timeline", "{\"forward\": \"14s\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode state = JSON.readTree(moved.body());
        assertThat(state.get("stage").asInt()).isEqualTo(4);
        assertThat(state.get("elapsed").asString()).isEqualTo("40s");
        assertThat(state.get("stages").get(4).get("status").asString()).isEqualTo("completed");
        assertThat(state.get("stages").get(1).get("at").asString()).isEqualTo("6s");
        assertThat(stage(call("call_nw_1007"))).isEqualTo("completed");

        assertThat(admin("POST", "/__mock/calls/call_nw_1007/timeline", "{\"stage\": 0}").statusCode()).isEqualTo(200);
        assertThat(stage(call("call_nw_1007"))).isEqualTo("scheduled");
        JsonNode fresh = JSON.readTree(http.get("/__mock/calls/call_nw_1008/timeline").body());
        assertThat(fresh.get("stage").asInt()).isEqualTo(2);
    }

    @Test
    void theMocksTimeMovesOverTheAdminApi() {
        start("60/60s");
        call("call_nw_1008");

        HttpResponse<String> advanced = admin("POST", "/__mock/advance", "{\"by\": \"1m\"}");

        assertThat(advanced.statusCode()).as(advanced.body()).isEqualTo(200);
        assertThat(JSON.readTree(advanced.body()).get("total").asString()).isEqualTo("60s");
        assertThat(stage(call("call_nw_1008"))).isEqualTo("no-answer");
        JsonNode health = JSON.readTree(http.get("/__mock/health").body()).get("timelines");
        assertThat(health.get("moving_calls")).extracting(JsonNode::asString).containsExactly("call_nw_1007", "call_nw_1008");
        assertThat(health.get("running").asBoolean()).isTrue();
        assertThat(health.get("advanced").asString()).isEqualTo("60s");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/__mock/calls/call_nw_1001/timeline|{\"stage\": 1}|404|Call 'call_nw_1001' does not move: its fixture has no timeline",
        "/__mock/calls/call_nw_9999/timeline|{\"stage\": 1}|404|No call 'call_nw_9999' in the mock",
        "/__mock/calls/call_nw_1007/timeline|{\"stage\": 5}|400|call 'call_nw_1007' has stages 0 to 4, not 5",
        "/__mock/calls/call_nw_1007/timeline|{\"stage\": \"completed\"}|400|stage must be a whole number, the stage's index from 0, not \"completed\"",
        "/__mock/calls/call_nw_1007/timeline|{\"forward\": \"10\"}|400|forward: '10' has no unit; write 10ms or 10s (a whole number with a unit: ms, s, m, h or d, such as 250ms, 2s or 1m)",
        "/__mock/calls/call_nw_1007/timeline|{\"forward\": \"10s\", \"stage\": 1}|400|Move a timeline with {\"stage\": 2} (to the start of a stage, from 0) or {\"forward\": \"10s\"} (a whole number with a unit: ms, s, m, h or d, such as 250ms, 2s or 1m): one of them, nothing else",
        "/__mock/calls/call_nw_1007/timeline|[1]|400|The body must be a JSON object, such as {\"stage\": 2} or {\"forward\": \"10s\"}",
        "/__mock/advance|{\"by\": \"40d\"}|400|by must be from 0ms to 30d, not 40d",
    })
    void aMoveThatCannotBeMadeIsOneLineThatSaysWhy(String path, String body, int status, String message) {
        start("60/60s");

        HttpResponse<String> refused = admin("POST", path, body);

        assertThat(refused.statusCode()).isEqualTo(status);
        assertThat(JSON.readTree(refused.body()).get("message").asString()).isEqualTo(message);
    }

    @Test
    void aTimelinePutAtRunTimeIsValidatedAndMovesFromItsNextRequest() {
        start("60/60s");
        String moving = """
                {"id": "call_nw_9001", "team_id": "team_northwind", "timeline": [
                  {"at": "0s", "status": "queued"},
                  {"at": "3s", "status": "in-progress", "progress": "talking"},
                  {"at": "9s", "status": "failed", "progress": null, "end_reason": "carrier-error"}]}
                """;
        assertThat(admin("PUT", "/__mock/calls/call_nw_9001", moving).statusCode()).isEqualTo(201);
        assertThat(stage(call("call_nw_9001"))).isEqualTo("queued");
        server.advance(Duration.ofSeconds(3));
        assertThat(stage(call("call_nw_9001"))).isEqualTo("in-progress talking");
        assertThat(JSON.readTree(http.get("/__mock/calls").body()).get("calls").findValues("stages").stream()
                .filter(s -> s.size() > 0).map(s -> s.get(0).asString())).contains("queued");

        HttpResponse<String> bad = admin("PUT", "/__mock/calls/call_nw_9001", moving.replace("\"9s\"", "\"2s\""));

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("message").asString())
                .isEqualTo("Invalid call: /timeline/2/at: stage 2 at 2s does not come after stage 1 at 3s; times only move forward");
        assertThat(stage(call("call_nw_9001"))).as("nothing changed").isEqualTo("in-progress talking");
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return http.sendBody(method, path, body, "Content-Type", "application/json");
    }
}
