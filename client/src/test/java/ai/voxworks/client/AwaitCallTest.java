package ai.voxworks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** awaitCall on MockWebServer, in a time that moves only when the client waits. */
class AwaitCallTest {

    private static final String KEY = "vx_test_await_key_0000_1234";

    private final MockWebServer server = new MockWebServer();
    private final ManualTime time = new ManualTime();
    private VoxworksClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = VoxworksClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).maxRetries(0)
                .time(time, time).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static MockResponse call(String status, String progress, String... headers) {
        MockResponse.Builder response = new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"success\":true,\"call\":{\"id\":\"c1\",\"status\":\"" + status + "\",\"progress\":"
                        + (progress == null ? "null" : "\"" + progress + "\"") + "}}");
        for (int i = 0; i < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
        }
        return response.build();
    }

    @Test
    void pollsUntilTheCallEndsAndReportsEachChangeOnce() {
        server.enqueue(call("scheduled", null));
        server.enqueue(call("scheduled", null));
        server.enqueue(call("in-progress", "dialling"));
        server.enqueue(call("in-progress", "confirming"));
        server.enqueue(call("completed", null));
        List<String> seen = new ArrayList<>();

        Call done = client.awaitCall("c1", Call::ended, Duration.ofMinutes(1),
                c -> seen.add(c.status() + (c.progress() == null ? "" : " " + c.progress())));

        assertThat(done.status()).isEqualTo("completed");
        assertThat(seen).containsExactly("scheduled", "in-progress dialling", "in-progress confirming", "completed");
        assertThat(server.getRequestCount()).isEqualTo(5);
        // A second at first; half as long again after an answer without change; a second after each change.
        assertThat(time.waits).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }

    @Test
    void aQuietCallIsAskedLessAndLessOftenUpToTenSeconds() {
        for (int i = 0; i < 9; i++) {
            server.enqueue(call("in-progress", "talking"));
        }
        server.enqueue(call("completed", null));

        client.awaitCall("c1");

        assertThat(time.waits).extracting(Duration::toMillis)
                .containsExactly(1000L, 1500L, 2250L, 3375L, 5062L, 7593L, 10000L, 10000L, 10000L);
    }

    @Test
    void neverAsksFasterThanTheBudgetTheLastAnswerShowed() {
        server.enqueue(call("in-progress", "a", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "2", "X-RateLimit-Reset", "30"));
        server.enqueue(call("in-progress", "b", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "14"));
        server.enqueue(call("in-progress", "c", "RateLimit", "\"60s\";r=3;t=6"));
        server.enqueue(call("completed", null));

        client.awaitCall("c1");

        // 30 s for 2 requests: one per 15 s; none left: the whole reset; 6 s for 3: the usual second is slower.
        assertThat(time.waits).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(14), Duration.ofSeconds(2));
    }

    @Test
    void aRateLimitItDidNotCauseIsWaitedOutAsRetryAfterAsks() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                .body("{\"success\":false,\"message\":\"Rate limit exceeded\"}").build());
        server.enqueue(call("completed", null));

        assertThat(client.awaitCall("c1").status()).isEqualTo("completed");

        assertThat(time.waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void givesUpAtItsDeadlineWithTheCallAsLastSeen() {
        for (int i = 0; i < 20; i++) {
            server.enqueue(call("in-progress", "talking"));
        }

        assertThatThrownBy(() -> client.awaitCall("c1", Call::ended, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(AwaitTimeoutException.class, e -> {
                    assertThat(e.lastCall()).get().extracting(Call::progress).isEqualTo("talking");
                    assertThat(e.requests()).isEqualTo(5);
                    assertThat(e.waited()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(e).hasMessage("Gave up waiting for call c1 after 5s (5 requests): last seen in-progress "
                            + "(progress: talking)");
                });
        // 1 + 1.5 + 2.25, then the last wait cut to the deadline: one last look exactly then.
        assertThat(time.waited()).isEqualTo(Duration.ofSeconds(5));
        assertThat(time.waits).last().isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aBudgetSpentUntilAfterTheDeadlineEndsTheWaitAtOnce() {
        server.enqueue(call("in-progress", "a", "X-RateLimit-Limit", "60", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "40"));

        assertThatThrownBy(() -> client.awaitCall("c1", Call::ended, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(AwaitTimeoutException.class, e -> {
                    assertThat(e.waited()).isZero();
                    assertThat(e).hasMessage("Gave up waiting for call c1 early, 0s into its 10s (1 request): the rate limit "
                            + "allows no request before its deadline; last seen in-progress (progress: a)");
                });

        assertThat(time.waits).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRetryAfterPastTheTimeoutIsNotWaitedOutEvenByAClientThatRetries() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                .addHeader("Retry-After", "7").body("{\"success\":false,\"message\":\"Too many requests\"}").build());
        try (VoxworksClient retrying = client.newBuilder().maxRetries(2).build()) {
            assertThatThrownBy(() -> retrying.awaitCall("c1", Call::ended, Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(AwaitTimeoutException.class, e -> assertThat(e.requests()).isEqualTo(1));
        }

        assertThat(time.waits).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void waitsForAnyConditionNotOnlyTheEnd() {
        server.enqueue(call("scheduled", null));
        server.enqueue(call("in-progress", "dialling"));

        Call call = client.awaitCall("c1", c -> "in-progress".equals(c.status()), Duration.ofSeconds(30));

        assertThat(call.progress()).isEqualTo("dialling");
    }

    @Test
    void anUnknownCallFailsAtOnce() {
        server.enqueue(new MockResponse.Builder().code(404).body("{\"success\":false,\"message\":\"Call not found\"}").build());

        assertThatThrownBy(() -> client.awaitCall("nope")).isInstanceOf(NotFoundException.class);
        assertThat(time.waits).isEmpty();
    }

    @Test
    void anInterruptedWaitEndsWithTheFlagSetAgain() {
        server.enqueue(call("in-progress", "a"));
        try (VoxworksClient interrupted = client.newBuilder().time(time, d -> {
            throw new InterruptedException();
        }).build()) {
            assertThatThrownBy(() -> interrupted.awaitCall("c1")).isInstanceOf(TransportException.class)
                    .hasMessage("Interrupted while waiting for call c1");
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    @Test
    void aCallHasEndedByItsStatusOrForAStatusItDoesNotKnowByItsEndTime() {
        assertThat(ended("completed", null)).isTrue();
        assertThat(ended("no-answer", null)).isTrue();
        assertThat(ended("voicemail", null)).isTrue();
        assertThat(ended("in-progress", null)).isFalse();
        assertThat(ended("scheduled", null)).isFalse();
        assertThat(ended("in-progress", "2026-11-25T12:00:00Z")).isFalse();
        assertThat(ended("transferred", "2026-11-25T12:00:00Z")).isTrue();
        assertThat(ended("transferred", null)).isFalse();
        assertThat(ended(null, null)).isFalse();
    }

    private boolean ended(String status, String endTime) {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"success\":true,\"call\":{\"id\":\"c1\",\"status\":"
                + (status == null ? "null" : "\"" + status + "\"") + ",\"end_time\":"
                + (endTime == null ? "null" : "\"" + endTime + "\"") + "}}").build());
        return client.getCall("c1").ended();
    }
}
