package ai.voxworks.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.LocalServer;
import ai.voxworks.mock.testing.StubUpstream;
import ai.voxworks.mock.testing.TestHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The recorder against a second mock on loopback playing production, with its own fixtures and keys. */
class RecorderTest {

    private static final List<String> NORTHWIND_CALLS =
            List.of("call_nw_1001", "call_nw_1002", "call_nw_1003", "call_nw_1004", "call_nw_1005", "call_nw_1006");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** "Production": the repository's data, no rate limit. */
    @RegisterExtension
    static final LocalServer production = LocalServer.with(b -> b.rateLimit(RateLimit.off()));

    @TempDir
    Path out;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    private Recorder.Builder recorder(String key) {
        return Recorder.builder().from(production.server().baseUrl()).apiKey(key).outputDir(out).progress(progress::add);
    }

    @Test
    void recordedSetEqualsTheUpstreamCallsAndServesThemUnderANewDemoKey() throws Exception {
        RecordingSummary summary = recorder(DemoData.NORTHWIND_KEY).build().record(NORTHWIND_CALLS);

        assertThat(summary.succeeded()).as(summary.report()).isTrue();
        assertThat(summary.saved()).extracting(RecordingSummary.Saved::id).containsExactlyElementsOf(NORTHWIND_CALLS);
        assertThat(summary.newTeams()).singleElement().satisfies(team -> {
            assertThat(team.id()).isEqualTo("team_northwind");
            assertThat(team.apiKeys()).singleElement().asString().matches("vx_test_northwind_[0-9a-f]{12}");
        });
        String demoKey = summary.newTeams().get(0).apiKeys().get(0);
        Fixtures loaded = Fixtures.load(out);
        assertThat(loaded.calls()).hasSize(6);
        assertThat(loaded.teams()).extracting(Team::id).containsExactly("team_northwind");
        try (MockServer recorded = MockServer.start(MockServerConfig.builder().port(0).fixturesDir(out).build())) {
            TestHttp upstream = production.http();
            TestHttp replay = new TestHttp(recorded.baseUrl());
            for (String id : NORTHWIND_CALLS) {
                var original = upstream.getCall(id, DemoData.NORTHWIND_KEY);
                var served = replay.getCall(id, demoKey);
                assertThat(served.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(served.body())).as(id).isEqualTo(JSON.readTree(original.body()));
            }
            assertThat(replay.getCall("call_nw_1001", DemoData.NORTHWIND_KEY).statusCode())
                    .as("the key that recorded is not a key of the recording").isEqualTo(401);
        }
    }

    @Test
    void theRealKeyIsInNoFileAndNoOutput() throws IOException {
        RecordingSummary summary = recorder(DemoData.BLUEBIRD_KEY).build()
                .record("call_bb_2001", "call_bb_2002", "call_nw_1001");

        assertThat(summary.saved()).hasSize(2);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(DemoData.BLUEBIRD_KEY);
            }
        }
        assertThat(String.join("\n", progress) + summary.report() + summary + recorder(DemoData.BLUEBIRD_KEY).build()
                + recorder(DemoData.BLUEBIRD_KEY))
                .doesNotContain(DemoData.BLUEBIRD_KEY)
                .contains("vx_test_…0c6a");
    }

    @Test
    void anotherTeamsCallIsSkippedAs404AndTheRestIsSaved() {
        RecordingSummary summary = recorder(DemoData.NORTHWIND_KEY).build().record("call_nw_1001", "call_bb_2001", "call_x");

        assertThat(summary.succeeded()).isFalse();
        assertThat(summary.saved()).extracting(RecordingSummary.Saved::id).containsExactly("call_nw_1001");
        assertThat(summary.skipped()).extracting(RecordingSummary.Skipped::id).containsExactly("call_bb_2001", "call_x");
        assertThat(summary.skipped()).allSatisfy(s -> assertThat(s.reason()).contains("HTTP 404", "Call not found"));
        assertThat(summary.stopReason()).isEmpty();
        assertThat(Files.exists(out.resolve("calls/call_bb_2001.json"))).isFalse();
        assertThat(summary.report()).contains("Recorded 1 of 3 calls", "skipped  call_bb_2001  not found (HTTP 404");
    }

    @Test
    void aWrongKeyStopsTheRunWithNothingWritten() {
        Path dir = out.resolve("fresh");
        RecordingSummary summary = recorder("vx_live_not_a_key_of_this_server_1234").outputDir(dir).build()
                .record("call_nw_1001", "call_nw_1002", "call_nw_1003");

        assertThat(summary.stopReason()).hasValueSatisfying(r -> assertThat(r).contains("key was refused", "HTTP 401"));
        assertThat(summary.saved()).isEmpty();
        assertThat(summary.skipped()).extracting(RecordingSummary.Skipped::reason)
                .containsExactly(summary.stopReason().get(), "not asked for: the recording stopped",
                        "not asked for: the recording stopped");
        assertThat(Files.exists(dir)).as("nothing written, not even the directory").isFalse();
        assertThat(production.server().requests()).filteredOn(r -> r.status() == 401).hasSize(1);
        assertThat(summary.report()).contains("Nothing was saved.").doesNotContain("vx_live_not_a_key_of_this_server_1234");
    }

    @Test
    void aLowUpstreamRateLimitIsWaitedOutWithAProgressLine() {
        try (MockServer limited = MockServer.start(MockServerConfig.builder().port(0)
                .rateLimit(RateLimit.of(2, Duration.ofSeconds(1))).build())) {
            RecordingSummary summary = recorder(DemoData.NORTHWIND_KEY).from(limited.baseUrl()).build()
                    .record("call_nw_1001", "call_nw_1002", "call_nw_1003");

            assertThat(summary.succeeded()).as(summary.report()).isTrue();
            assertThat(progress).anySatisfy(line -> assertThat(line)
                    .startsWith("rate limited (HTTP 429): waiting 1 s as Retry-After asks, then call_nw_1003 again"));
            assertThat(limited.requests()).extracting(RecordedRequest::status).containsOnly(200, 429);
        }
    }

    @Test
    void progressSaysWhereEachCallWent() {
        recorder(DemoData.NORTHWIND_KEY).build().record("call_nw_1001", "call_bb_2001");

        assertThat(progress).containsExactly(
                "Recording 2 calls from " + production.server().baseUrl() + " into " + out + " (key vx_test_…3a9c)",
                "[1/2] call_nw_1001: saved calls/call_nw_1001.json (team_northwind)",
                "[2/2] call_bb_2001: not saved: not found (HTTP 404: Call not found): an unknown id, or a call of another "
                        + "team than the key's");
    }

    @Test
    void recordingAgainReplacesTheCallWhereItIsAndKeepsTeamsAndTheirKeys() throws IOException {
        Files.createDirectories(out.resolve("calls/old"));
        String teams = "{\"teams\":[{\"id\":\"team_northwind\",\"name\":\"Northwind\",\"api_keys\":[\"vx_test_mine_123456\"]},"
                + "{\"id\":\"team_other\",\"api_keys\":[\"vx_test_other_123456\"]}]}";
        Files.writeString(out.resolve("teams.json"), teams);
        Files.writeString(out.resolve("calls/old/call_nw_1001.json"),
                "{\"id\":\"call_nw_1001\",\"team_id\":\"team_northwind\",\"status\":\"queued\"}");

        RecordingSummary summary = recorder(DemoData.NORTHWIND_KEY).build().record("call_nw_1001", "call_bb_2001");
        RecordingSummary again = recorder(DemoData.BLUEBIRD_KEY).build().record("call_bb_2001");

        assertThat(summary.newTeams()).isEmpty();
        assertThat(summary.saved().get(0).file()).isEqualTo(out.resolve("calls/old/call_nw_1001.json"));
        assertThat(Files.readString(out.resolve("calls/old/call_nw_1001.json"))).contains("\"completed\"");
        assertThat(Files.exists(out.resolve("calls/call_nw_1001.json"))).isFalse();
        assertThat(again.newTeams()).extracting(Team::id).containsExactly("team_bluebird");
        Fixtures loaded = Fixtures.load(out);
        assertThat(loaded.teams()).extracting(Team::id).containsExactly("team_bluebird", "team_northwind", "team_other");
        assertThat(loaded.teamOfKey("vx_test_mine_123456")).map(Team::name).hasValue("Northwind");
        assertThat(loaded.teamOfKey("vx_test_other_123456")).isPresent();
        assertThat(loaded.calls()).extracting(CallSummary::id).containsExactly("call_bb_2001", "call_nw_1001");
    }

    @Test
    void redactedFieldsGetPlaceholdersThatTheLoaderAccepts() throws IOException {
        RecordingSummary summary = recorder(DemoData.NORTHWIND_KEY)
                .redact("/transcript", "/contact_id", "/end_time", "/duration", "/structured_data", "/objectives/0/achieved",
                        "/objectives/2", "/call_summary")
                .build().record("call_nw_1001", "call_nw_1002");

        assertThat(summary.succeeded()).as(summary.report()).isTrue();
        JsonNode call = JSON.readTree(Files.readString(out.resolve("calls/call_nw_1001.json")));
        JsonNode original = JSON.readTree(StubUpstream.fixtureJson("call_nw_1001"));
        assertThat(call.get("transcript").asString()).isEqualTo("[redacted]");
        assertThat(call.get("contact_id").asString()).isEqualTo("[redacted]");
        assertThat(call.get("end_time").asString()).as("a date-time keeps its type").isEqualTo("1970-01-01T00:00:00Z");
        assertThat(call.get("duration").asInt()).isZero();
        assertThat(call.get("structured_data").isObject() && call.get("structured_data").isEmpty()).isTrue();
        assertThat(call.at("/objectives/0/achieved").asBoolean()).isFalse();
        assertThat(call.at("/objectives/0/name")).isEqualTo(original.at("/objectives/0/name"));
        assertThat(call.at("/objectives/2").isObject() && call.at("/objectives/2").isEmpty()).isTrue();
        assertThat(call.get("status")).isEqualTo(original.get("status"));
        assertThat(summary.saved().get(0).redacted()).containsExactly("/transcript", "/contact_id", "/end_time",
                "/duration", "/structured_data", "/objectives/0/achieved", "/objectives/2", "/call_summary");
        // call_nw_1002 is scheduled: its results are null, and null hides nothing.
        JsonNode scheduled = JSON.readTree(Files.readString(out.resolve("calls/call_nw_1002.json")));
        assertThat(scheduled.get("transcript").isNull()).isTrue();
        assertThat(summary.saved().get(1).redacted()).containsExactly("/contact_id");
        assertThat(Fixtures.load(out).calls()).hasSize(2);
    }

    @Test
    void signedUrlsLoseQueryFragmentAndUserInfoUnlessKept() throws IOException {
        production.server().putCall("{\"id\":\"call_nw_9001\",\"team_id\":\"team_northwind\",\"status\":\"completed\","
                + "\"recording_url\":\"https://bucket.s3.amazonaws.com/rec/9001.mp3?X-Amz-Signature=abc123&X-Amz-Expires=3600#t=5\","
                + "\"structured_data\":{\"crm\":\"https://user:s3cret@crm.example/contacts/77?token=xyz\","
                + "\"links\":[\"http://files.example/a.pdf?sig=1\",\"not a url?x=1\"]}}");
        try {
            RecordingSummary stripped = recorder(DemoData.NORTHWIND_KEY).build().record("call_nw_9001");
            JsonNode call = JSON.readTree(Files.readString(out.resolve("calls/call_nw_9001.json")));

            assertThat(call.get("recording_url").asString()).isEqualTo("https://bucket.s3.amazonaws.com/rec/9001.mp3");
            assertThat(call.at("/structured_data/crm").asString()).isEqualTo("https://crm.example/contacts/77");
            assertThat(call.at("/structured_data/links/0").asString()).isEqualTo("http://files.example/a.pdf");
            assertThat(call.at("/structured_data/links/1").asString()).isEqualTo("not a url?x=1");
            assertThat(stripped.saved().get(0).urlsStripped()).isEqualTo(3);
            assertThat(stripped.report()).contains("3 URLs stripped of query and credentials");

            recorder(DemoData.NORTHWIND_KEY).keepUrlQueries(true).build().record("call_nw_9001");
            assertThat(Files.readString(out.resolve("calls/call_nw_9001.json"))).contains("X-Amz-Signature=abc123");
        } finally {
            production.server().removeCall("call_nw_9001");
        }
    }

    @Test
    void aRedactPointerThatNamesNoFieldOfAnyCallFailsTheRunAndSaysSo() {
        RecordingSummary typo = recorder(DemoData.NORTHWIND_KEY).redact("/transcirpt", "/contact_id")
                .build().record("call_nw_1001", "call_nw_1002");

        assertThat(typo.saved()).hasSize(2);
        assertThat(typo.unmatchedRedactions()).containsExactly("/transcirpt");
        assertThat(typo.succeeded()).isFalse();
        assertThat(typo.report()).contains("--redact /transcirpt matched no field of any call received");
        assertThat(progress).contains("note: --redact /transcirpt matched no field of the recorded calls");
        // A field that is there but null in every call was named rightly: nothing to hide, nothing to report.
        RecordingSummary nulls = recorder(DemoData.NORTHWIND_KEY).redact("/transcript").build().record("call_nw_1002");
        assertThat(nulls.unmatchedRedactions()).isEmpty();
        assertThat(nulls.succeeded()).as(nulls.report()).isTrue();
    }

    @Test
    void aCredentialedUrlInsideProseIsSavedWithoutItsCredentialsOrToken() throws IOException {
        production.server().putCall("{\"id\":\"call_nw_9003\",\"team_id\":\"team_northwind\",\"status\":\"completed\","
                + "\"summary\":\"Customer was sent https://user:pass@portal.example.com/p?token=SECRET123 to log in.\"}");
        try {
            RecordingSummary summary = recorder(DemoData.NORTHWIND_KEY).build().record("call_nw_9003");

            assertThat(summary.succeeded()).as(summary.report()).isTrue();
            String saved = Files.readString(out.resolve("calls/call_nw_9003.json"));
            assertThat(saved).contains("Customer was sent https://portal.example.com/p to log in.")
                    .doesNotContain("user:pass", "SECRET123", "token=");
            assertThat(summary.saved().get(0).urlsStripped()).isEqualTo(1);
        } finally {
            production.server().removeCall("call_nw_9003");
        }
    }

    @Test
    void theKeyEchoedInAnotherLetterCaseIsNotSavedEither() {
        production.server().putCall("{\"id\":\"call_nw_9004\",\"team_id\":\"team_northwind\","
                + "\"transcript\":\"AI: YOUR KEY IS " + DemoData.NORTHWIND_KEY.toUpperCase(java.util.Locale.ROOT) + "\"}");
        try {
            RecordingSummary leaking = recorder(DemoData.NORTHWIND_KEY).build().record("call_nw_9004");

            assertThat(leaking.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                    .contains("holds the API key", "/transcript"));
            assertThat(Files.exists(out.resolve("calls/call_nw_9004.json"))).isFalse();
            assertThat(leaking.report()).doesNotContainIgnoringCase(DemoData.NORTHWIND_KEY);
        } finally {
            production.server().removeCall("call_nw_9004");
        }
    }

    @Test
    void aCallHoldingTheKeyIsNotSavedUnlessThatFieldIsRedacted() {
        production.server().putCall("{\"id\":\"call_nw_9002\",\"team_id\":\"team_northwind\","
                + "\"transcript\":\"AI: your key is " + DemoData.NORTHWIND_KEY + "\"}");
        try {
            RecordingSummary leaking = recorder(DemoData.NORTHWIND_KEY).build().record("call_nw_9002");
            assertThat(leaking.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                    .contains("holds the API key", "/transcript", "--redact /transcript")
                    .doesNotContain(DemoData.NORTHWIND_KEY));
            assertThat(Files.exists(out.resolve("calls/call_nw_9002.json"))).isFalse();

            RecordingSummary redacted = recorder(DemoData.NORTHWIND_KEY).redact("/transcript").build().record("call_nw_9002");
            assertThat(redacted.succeeded()).as(redacted.report()).isTrue();
        } finally {
            production.server().removeCall("call_nw_9002");
        }
    }

    @Test
    void idsThatCannotBeFileNamesAreRefusedBeforeAnythingIsAsked() {
        Recorder recorder = recorder(DemoData.NORTHWIND_KEY).build();
        int before = production.server().requests().size();

        for (String bad : List.of("a/b", "..", "bad\nid", " ")) {
            assertThatThrownBy(() -> recorder.record("call_nw_1001", bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(recorder::record).hasMessage("no call ids given");
        assertThat(production.server().requests()).hasSize(before);
        assertThat(Files.exists(out.resolve("calls"))).isFalse();
    }

    @Test
    void builderRefusesWhatCannotWork() {
        assertThatThrownBy(() -> Recorder.builder().from("ftp://files.example")).hasMessageContaining("not an http or https URL");
        assertThatThrownBy(() -> Recorder.builder().from("https://api.example?key=1")).hasMessageContaining("query");
        assertThatThrownBy(() -> Recorder.builder().redact("/id")).hasMessageContaining("/id cannot be redacted");
        assertThatThrownBy(() -> Recorder.builder().redact("transcript")).hasMessageContaining("not a JSON pointer");
        assertThatThrownBy(() -> Recorder.builder().apiKey("has space " + DemoData.NORTHWIND_KEY))
                .hasMessage("apiKey must be printable ASCII without spaces");
        assertThatThrownBy(() -> Recorder.builder().build()).hasMessage("apiKey is required");
        assertThat(Recorder.builder().apiKey("k".repeat(30)).build().from()).isEqualTo("https://api.voxworks.ai");
    }
}
