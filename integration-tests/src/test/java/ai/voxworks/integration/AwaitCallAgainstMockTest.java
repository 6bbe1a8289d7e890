package ai.voxworks.integration;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.client.Call;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import ai.voxworks.mock.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's awaitCall against the real mock, in the mock's time (its clock, moved by the
 * client's waits): minutes of polling in milliseconds, rate limit and all.
 */
class AwaitCallAgainstMockTest {

    private static final String KEY = ClientAgainstMockTest.NORTHWIND_KEY;

    private MockServer mock;
    private VoxworksClient client;

    @BeforeEach
    void start() {
        mock = MockServer.start(MockServerConfig.builder().port(0).build());
        assertThat(mock.config().rateLimit()).isEqualTo(RateLimit.DEFAULT);
        client = VoxworksClient.builder().apiKey(KEY).baseUrl(mock.baseUrl()).maxRetries(0)
                .time(mock.clock(), mock::advance).build();
    }

    @AfterEach
    void stop() {
        client.close();
        mock.close();
    }

    /** A call whose progress changes every 2 s for {@code minutes}, then completes: it keeps the poller at its quickest. */
    private static String busyCall(String id, int minutes) {
        StringJoiner stages = new StringJoiner(",\n");
        stages.add("{\"at\": \"0s\", \"status\": \"in-progress\", \"progress\": \"step 0\"}");
        for (int s = 2; s < minutes * 60; s += 2) {
            stages.add("{\"at\": \"" + s + "s\", \"progress\": \"step " + s + "\"}");
        }
        stages.add("{\"at\": \"" + minutes * 60 + "s\", \"status\": \"completed\", \"progress\": null}");
        return "{\"id\": \"" + id + "\", \"team_id\": \"team_northwind\", \"timeline\": [" + stages + "]}";
    }

    @Test
    void pollsLongerThanARateLimitWindowAtTheDefaultLimitAndDrawsNo429() {
        mock.putCall(busyCall("call_nw_9100", 3));
        // The page that starts the poll has spent most of the key's window already: a poller that asked every
        // second regardless would meet a 429 about ten seconds in.
        for (int i = 0; i < 50; i++) {
            client.getCall("call_nw_1001");
        }
        Instant began = mock.clock().instant();
        List<String> changes = new ArrayList<>();

        Call done = client.awaitCall("call_nw_9100", Call::ended, Duration.ofMinutes(10), c -> changes.add(c.progress()));

        assertThat(done.status()).isEqualTo("completed");
        assertThat(Duration.between(began, mock.clock().instant())).as("three windows of 60 s, in the mock's time")
                .isGreaterThanOrEqualTo(Duration.ofMinutes(3));
        List<RecordedRequest> requests = mock.requests();
        assertThat(requests).as("more requests than one window allows").hasSizeGreaterThan(2 * 60);
        assertThat(requests).extracting(RecordedRequest::status).containsOnly(200);
        // The first window's last 10 requests spread over what was left of it (6 s or more apart); in the next
        // windows, with the whole budget, every step is seen.
        List<Integer> first = changes.subList(0, 4).stream().map(p -> Integer.parseInt(p.substring(5))).toList();
        for (int i = 1; i < first.size(); i++) {
            assertThat(first.get(i) - first.get(i - 1)).as("steps seen early: %s", first).isGreaterThanOrEqualTo(6);
        }
        for (int step = 70; step < 180; step += 2) {
            assertThat(changes).contains("step " + step);
        }
    }

    @Test
    void aBundledMovingCallIsFollowedToItsEnd() {
        List<String> seen = new ArrayList<>();

        Call done = client.awaitCall("call_nw_1007", Call::ended, Duration.ofMinutes(2),
                c -> seen.add(c.status() + (c.progress() == null ? "" : " " + c.progress())));

        assertThat(done.transcript()).contains("Email, please.");
        assertThat(seen).containsExactly("scheduled", "in-progress dialling", "in-progress confirming_appointment",
                "in-progress collecting_reminder_preference", "completed");
        assertThat(mock.requests()).extracting(RecordedRequest::stage).contains(0, 1, 2, 3, 4);
    }
}
