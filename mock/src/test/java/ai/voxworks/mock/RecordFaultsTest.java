package ai.voxworks.mock;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.StubUpstream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken upstream the mock cannot play, scripted with a stub server on loopback: nothing bad is written. */
class RecordFaultsTest {

    private static final String KEY = "vx_live_recording_key_0123456789";

    private final StubUpstream upstream = StubUpstream.start();
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @TempDir
    Path out;

    @AfterEach
    void stop() {
        upstream.close();
    }

    /** Retries without waiting for real: each wait is noted instead. */
    private Recorder.Builder recorder() {
        return Recorder.builder().from(upstream.baseUrl()).apiKey(KEY).outputDir(out).progress(progress::add)
                .retries(2, Duration.ofMillis(100)).sleeper(waits::add);
    }

    private List<String> filesWritten() throws IOException {
        if (!Files.exists(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).map(f -> out.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void aSabotagedUpstreamWritesNothingForThatId() throws IOException {
        upstream.fixture("call_nw_1001")
                .call("call_wrong_type", StubUpstream.fixtureJson("call_nw_1004").replace("call_nw_1004", "call_wrong_type")
                        .replaceFirst("\"duration\": \\w+", "\"duration\": \"abc\""))
                .on("call_html_502", 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>")
                .on("call_html_200", 200, "text/html", "<!doctype html><p>Please log in</p>")
                .call("call_other_id", StubUpstream.fixtureJson("call_nw_1002"))
                .on("call_no_call", 200, "application/json", "{\"success\":true}");

        RecordingSummary summary = recorder().build().record("call_wrong_type", "call_html_502", "call_html_200",
                "call_other_id", "call_no_call", "call_nw_1001");

        assertThat(summary.saved()).extracting(RecordingSummary.Saved::id).containsExactly("call_nw_1001");
        assertThat(summary.skipped()).extracting(RecordingSummary.Skipped::reason).containsExactly(
                "the response does not match the spec: HTTP 200: a call of the wrong shape: duration should be an "
                        + "integer, not \"abc\"",
                "HTTP 502: unexpected body: '<html><body><h1>502 Bad Gateway</h1></body></html>' (tried 3 times)",
                "the response does not match the spec: HTTP 200: not JSON: '<!doctype html><p>Please log in</p>'",
                "the response does not match the spec: /id: id 'call_nw_1002' is not the id asked for, 'call_other_id'",
                "the response does not match the spec: HTTP 200: no \"call\" object in '{\"success\":true}'");
        assertThat(upstream.hits("call_html_502")).isEqualTo(3);
        assertThat(upstream.hits("call_wrong_type")).as("a bad body is not retried").isEqualTo(1);
        assertThat(waits).hasSize(2).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofMillis(200)));
        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("call_html_502: HTTP 502: unexpected body")
                .contains("trying again in"));
        assertThat(filesWritten()).containsExactly("calls/call_nw_1001.json", "teams.json");
        assertThat(summary.problems()).isEmpty();
    }

    @Test
    void aServerErrorThatPassesIsRetriedAndTheCallSaved() throws IOException {
        upstream.on("call_nw_1001", 503, "application/json", "{\"success\":false,\"message\":\"Try later\"}");
        Recorder recorder = recorder().progress(line -> {
            progress.add(line);
            if (line.startsWith("call_nw_1001: HTTP 503: Try later")) {
                upstream.fixture("call_nw_1001");
            }
        }).build();

        RecordingSummary summary = recorder.record("call_nw_1001");

        assertThat(summary.succeeded()).as(summary.report()).isTrue();
        assertThat(upstream.hits("call_nw_1001")).isEqualTo(2);
        assertThat(filesWritten()).containsExactly("calls/call_nw_1001.json", "teams.json");
    }

    @Test
    void noServerIsRetriedThenReported() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RecordingSummary summary = recorder().from("http://127.0.0.1:" + closedPort).build().record("call_nw_1001");

        assertThat(summary.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .startsWith("no response from http://127.0.0.1:" + closedPort + ": ").endsWith("(tried 3 times)"));
        assertThat(waits).hasSize(2);
        assertThat(filesWritten()).isEmpty();
    }

    @Test
    void aStalledBodyTimesOutRatherThanHangingTheRun() throws IOException {
        upstream.hangAfterHeaders("call_stalled").fixture("call_nw_1001");

        RecordingSummary summary = recorder().retries(0, Duration.ZERO).timeout(Duration.ofMillis(300)).build()
                .record("call_stalled", "call_nw_1001");

        assertThat(summary.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("timed out"));
        assertThat(summary.saved()).extracting(RecordingSummary.Saved::id).containsExactly("call_nw_1001");
    }

    @Test
    void aRetryAfterLongerThanARecordingWaitsStopsTheRun() throws IOException {
        upstream.on("call_nw_1001", 429, "application/json", "{\"success\":false,\"message\":\"Rate limit exceeded\"}",
                "Retry-After", "3600");

        RecordingSummary summary = recorder().build().record("call_nw_1001", "call_nw_1002");

        assertThat(summary.stopReason()).hasValueSatisfying(r -> assertThat(r)
                .contains("HTTP 429: Rate limit exceeded", "wait 3600 s, longer than the 300 s a recording waits"));
        assertThat(upstream.hits("call_nw_1002")).isZero();
        assertThat(waits).isEmpty();
        assertThat(filesWritten()).isEmpty();
    }

    @Test
    void redirectsAreNotFollowedSoTheKeyGoesNowhereElse() throws IOException {
        try (StubUpstream elsewhere = StubUpstream.start()) {
            elsewhere.fixture("call_nw_1001");
            upstream.on("call_nw_1001", 302, "text/plain", "", "Location", elsewhere.baseUrl() + "/api/v1/get-call/call_nw_1001");

            RecordingSummary summary = recorder().build().record("call_nw_1001");

            assertThat(summary.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                    .startsWith("unexpected HTTP 302: redirected to " + elsewhere.baseUrl()).contains("does not follow redirects"));
            assertThat(elsewhere.hits("call_nw_1001")).isZero();
            assertThat(upstream.authorizations()).containsExactly("Bearer " + KEY);
        }
    }

    @Test
    void anIdIsSentAsOnePathSegment() {
        upstream.call("call 1+2%ü", "{\"id\":\"call 1+2%ü\",\"team_id\":\"team_a\"}");

        RecordingSummary summary = recorder().build().record("call 1+2%ü");

        assertThat(summary.saved()).singleElement()
                .satisfies(s -> assertThat(s.file()).isEqualTo(out.resolve("calls/call 1+2%ü.json")));
        assertThat(Fixtures.load(out).call("call 1+2%ü")).isPresent();
    }

    @Test
    void anEchoedKeyIsMaskedInEveryReason() {
        upstream.on("call_nw_1001", 418, "application/json", "{\"success\":false,\"message\":\"key " + KEY + " is a teapot\"}");

        RecordingSummary summary = recorder().build().record("call_nw_1001");

        assertThat(summary.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .isEqualTo("unexpected HTTP 418: key vx_live_…6789 is a teapot"));
        assertThat(String.join("\n", progress) + summary.report()).doesNotContain(KEY);
    }
}
