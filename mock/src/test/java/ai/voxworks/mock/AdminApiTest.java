package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.LocalServer;
import ai.voxworks.mock.testing.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AdminApiTest {

    @RegisterExtension
    final LocalServer mock = LocalServer.with(b -> b.rateLimit(RateLimit.of(3, Duration.ofMinutes(5))));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NEW_CALL = """
            {"id": "call_nw_9001", "team_id": "team_northwind", "status": "completed", "duration": 12,
             "transcript": "AI: Hello from the admin API", "end_time": "2026-11-25T10:00:00Z", "mood": "cheerful"}
            """;

    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        return contentType == null ? mock.http().sendBody(method, path, body) : mock.http().sendBody(method, path, body, "Content-Type", contentType);
    }

    @Test
    void healthReportsTheDataSet() {
        JsonNode health = JSON.readTree(mock.http().get("/__mock/health").body());

        assertThat(health.get("status").asString()).isEqualTo("ok");
        assertThat(health.get("calls").asInt()).isEqualTo(12);
        assertThat(health.get("teams").asInt()).isEqualTo(2);
    }

    @Test
    void callsListsIdTeamAndStatus() {
        JsonNode calls = JSON.readTree(mock.http().get("/__mock/calls").body()).get("calls");

        assertThat(calls.size()).isEqualTo(12);
        assertThat(calls.get(0).get("id").asString()).isEqualTo("call_bb_2001");
        assertThat(calls.get(0).get("team_id").asString()).isEqualTo("team_bluebird");
        assertThat(calls.get(0).get("status").asString()).isEqualTo("completed");
    }

    @Test
    void putAddsACallVisibleToTheNextGetCallAtOnce() {
        HttpResponse<String> put = send("PUT", "/__mock/calls/call_nw_9001", "application/json", NEW_CALL);
        HttpResponse<String> get = mock.http().getCall("call_nw_9001", NORTHWIND_KEY);

        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get.body()).get("call")).isEqualTo(JSON.readTree(NEW_CALL));
    }

    @Test
    void putReplacesAnExistingCall() {
        String replaced = NEW_CALL.replace("call_nw_9001", "call_nw_1001").replace("completed", "failed");

        HttpResponse<String> put = send("PUT", "/__mock/calls/call_nw_1001", "application/json", replaced);

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(mock.http().getCall("call_nw_1001", NORTHWIND_KEY).body()).contains("\"status\":\"failed\"");
    }

    @Test
    void invalidCallIs400WithPointerAndReasonAndChangesNothing() {
        String before = mock.http().getCall("call_nw_1001", NORTHWIND_KEY).body();
        String invalid = NEW_CALL.replace("call_nw_9001", "call_nw_1001").replace("\"duration\": 12", "\"duration\": \"abc\"");

        HttpResponse<String> put = send("PUT", "/__mock/calls/call_nw_1001", "application/json", invalid);

        assertThat(put.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(put.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("message").asString()).startsWith("Invalid call: /duration: ");
        assertThat(body.get("problems").get(0).get("pointer").asString()).isEqualTo("/duration");
        assertThat(mock.http().getCall("call_nw_1001", NORTHWIND_KEY).body()).isEqualTo(before);
    }

    @Test
    void callOfAnUnknownTeamOrWithAnotherIdIsRefused() {
        HttpResponse<String> ghost = send("PUT", "/__mock/calls/call_nw_9001", "application/json",
                NEW_CALL.replace("team_northwind", "team_ghost"));
        HttpResponse<String> mismatch = send("PUT", "/__mock/calls/other_id", "application/json", NEW_CALL);

        assertThat(ghost.statusCode()).isEqualTo(400);
        assertThat(ghost.body()).contains("unknown team 'team_ghost'");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("does not match the id in the path");
        assertThat(mock.http().get("/__mock/health").body()).contains("\"calls\":12");
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> put = send("PUT", "/__mock/calls/call_nw_9001", "application/json", "{\"id\": ");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("invalid JSON");
        assertThat(send("PUT", "/__mock/calls/call_nw_9001", "application/json", "").body())
                .contains("Invalid call: empty; a call is a JSON object");
    }

    @Test
    void deleteRemovesACall() {
        HttpResponse<String> delete = send("DELETE", "/__mock/calls/call_nw_1001", "application/json", null);

        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(mock.http().getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/__mock/calls/call_nw_1001", "application/json", null).statusCode()).isEqualTo(404);
    }

    @Test
    void changesWithoutJsonContentTypeAreRefused() {
        HttpResponse<String> put = send("PUT", "/__mock/calls/call_nw_9001", "text/plain", NEW_CALL);
        HttpResponse<String> reset = send("POST", "/__mock/reset", null, null);

        assertThat(put.statusCode()).isEqualTo(415);
        assertThat(reset.statusCode()).isEqualTo(415);
        assertThat(mock.http().getCall("call_nw_9001", NORTHWIND_KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void changesNeedTheJsonMediaTypeItselfNotOneThatStartsLikeIt() {
        for (String type : new String[] {"application/jsonx", "application/json-patch+json", "application/json5"}) {
            assertThat(send("PUT", "/__mock/calls/call_nw_9001", type, NEW_CALL).statusCode()).as(type).isEqualTo(415);
        }
        assertThat(mock.http().getCall("call_nw_9001", NORTHWIND_KEY).statusCode()).isEqualTo(404);

        assertThat(send("PUT", "/__mock/calls/call_nw_9001", "Application/JSON; charset=utf-8", NEW_CALL).statusCode())
                .isEqualTo(201);
    }

    @Test
    void runtimeIdsObeyTheFixtureIdRule() {
        String longId = "c".repeat(5_000);
        HttpResponse<String> traversal = send("PUT", "/__mock/calls/..%2Fx", "application/json",
                NEW_CALL.replace("call_nw_9001", "../x"));
        HttpResponse<String> tooLong = send("PUT", "/__mock/calls/" + longId, "application/json",
                NEW_CALL.replace("call_nw_9001", longId));
        HttpResponse<String> inBodyOnly = send("PUT", "/__mock/calls/call_nw_9001", "application/json",
                NEW_CALL.replace("call_nw_9001", "a\\b"));

        assertThat(traversal.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(traversal.body()).get("message").asString())
                .isEqualTo("Invalid call: /id: '../x' cannot be a call id: the mock stores a call as calls/<id>.json, "
                        + "so an id must be a file name (no /, \\ or control characters)");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("an id of more than 200 bytes does not make a file name").doesNotContain(longId);
        assertThat(inBodyOnly.statusCode()).isEqualTo(400);
        assertThat(inBodyOnly.body()).contains("cannot be a call id");
        assertThat(JSON.readTree(mock.http().get("/__mock/health").body()).get("calls").asInt()).isEqualTo(12);
    }

    @Test
    void aKeyAnywhereInAJournalPathIsMasked() {
        String upper = NORTHWIND_KEY.toUpperCase(java.util.Locale.ROOT);
        String encoded = NORTHWIND_KEY.replace("_", "%5F");
        mock.http().getCall(NORTHWIND_KEY, NORTHWIND_KEY);
        mock.http().get(TestHttp.GET_CALL + "x-" + upper + "-y");
        mock.http().get(TestHttp.GET_CALL + encoded + "?key=" + NORTHWIND_KEY, "X-Api-Key", NORTHWIND_KEY);
        mock.http().get("/api/v2/" + NORTHWIND_KEY);

        String raw = mock.http().get("/__mock/requests").body();
        List<String> paths = new java.util.ArrayList<>();
        JSON.readTree(raw).get("requests").forEach(r -> paths.add(r.get("path").asString()));

        assertThat(raw).doesNotContainIgnoringCase(NORTHWIND_KEY).doesNotContainIgnoringCase(encoded);
        assertThat(paths).containsExactly("/api/v2/vx_test_…3a9c", "/api/v1/get-call/vx_test_…3a9c",
                "/api/v1/get-call/x-vx_test_…3a9c-y", "/api/v1/get-call/vx_test_…3a9c");
        assertThat(mock.server().requests()).extracting(RecordedRequest::path).containsExactlyElementsOf(paths);
    }

    @Test
    void adminRoutesSendNoCorsHeaders() {
        HttpResponse<String> preflight = mock.http().send("OPTIONS", "/__mock/reset",
                "Origin", "http://localhost:5173", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type");
        HttpResponse<String> list = mock.http().get("/__mock/calls", "Origin", "http://localhost:5173");

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(list.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void resetRestoresFixturesBucketsAndJournal() {
        send("DELETE", "/__mock/calls/call_nw_1001", "application/json", null);
        send("PUT", "/__mock/calls/call_nw_9001", "application/json", NEW_CALL);
        for (int i = 0; i < 4; i++) {
            mock.http().getCall("call_nw_1002", NORTHWIND_KEY);
        }
        assertThat(mock.http().getCall("call_nw_1002", NORTHWIND_KEY).statusCode()).isEqualTo(429);

        HttpResponse<String> reset = send("POST", "/__mock/reset", "application/json", "{}");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(mock.http().get("/__mock/requests").body()).get("requests").size()).isZero();
        assertThat(mock.http().getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(200);
        assertThat(mock.http().getCall("call_nw_9001", NORTHWIND_KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void journalRecordsApiRequestsNewestFirstWithMaskedKeys() {
        mock.http().getCall("call_nw_1001", NORTHWIND_KEY);
        mock.http().getCall("call_bb_2001", NORTHWIND_KEY);
        mock.http().get(TestHttp.GET_CALL + "call_nw_1001");

        String raw = mock.http().get("/__mock/requests").body();
        JsonNode requests = JSON.readTree(raw).get("requests");

        assertThat(raw).doesNotContain(NORTHWIND_KEY);
        assertThat(requests.size()).isEqualTo(3);
        assertThat(requests.get(0).get("status").asInt()).isEqualTo(401);
        assertThat(requests.get(0).get("team").isNull()).isTrue();
        assertThat(requests.get(1).get("status").asInt()).isEqualTo(404);
        JsonNode first = requests.get(2);
        assertThat(first.get("method").asString()).isEqualTo("GET");
        assertThat(first.get("path").asString()).isEqualTo("/api/v1/get-call/call_nw_1001");
        assertThat(first.get("status").asInt()).isEqualTo(200);
        assertThat(first.get("team").asString()).isEqualTo("team_northwind");
        assertThat(first.get("key").asString()).isEqualTo("vx_test_…3a9c");
        assertThat(first.get("latency_ms").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(first.get("time").asString()).endsWith("Z");
    }

    @Test
    void journalMemoryIsBounded() {
        for (int i = 0; i < MockServer.JOURNAL_CAPACITY + 20; i++) {
            mock.http().get(TestHttp.GET_CALL + "x");
        }

        JsonNode journal = JSON.readTree(mock.http().get("/__mock/requests").body());

        assertThat(journal.get("requests").size()).isEqualTo(MockServer.JOURNAL_CAPACITY);
        assertThat(journal.get("capacity").asInt()).isEqualTo(MockServer.JOURNAL_CAPACITY);
    }
}
