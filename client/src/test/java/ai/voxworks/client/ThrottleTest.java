package ai.voxworks.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The opt-in throttle: after "nothing remains, resets in t", the next request waits t instead of collecting a 429. */
class ThrottleTest {

    private static final String KEY = "vx_test_throttle_key_0000_1234";
    private static final String CALL = "{\"success\":true,\"call\":{\"id\":\"c1\"}}";

    private final MockWebServer server = new MockWebServer();
    private final ManualTime time = new ManualTime();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private VoxworksClient client(boolean throttle) {
        return VoxworksClient.builder().apiKey(KEY).baseUrl(server.url("/").toString())
                .time(time, time).throttle(throttle).build();
    }

    private static MockResponse lastOne(String resetField) {
        return new MockResponse.Builder().code(200).body(CALL).addHeader(resetField.split(": ")[0], resetField.split(": ")[1])
                .addHeader("X-RateLimit-Limit", "5").addHeader("X-RateLimit-Remaining", "0").build();
    }

    @Test
    void theNextRequestWaitsForTheResetTheLastResponseAnnounced() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(CALL).addHeader("RateLimit", "\"60s\";r=0;t=30").build());
        server.enqueue(new MockResponse.Builder().code(200).body(CALL).build());
        try (VoxworksClient client = client(true)) {
            client.getCall("c1");
            assertThat(time.waits).isEmpty();

            client.getCall("c1");

            assertThat(time.waits).containsExactly(Duration.ofSeconds(30));
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void timeThatAlreadyPassedIsNotWaitedAgain() {
        server.enqueue(lastOne("X-RateLimit-Reset: 20"));
        server.enqueue(new MockResponse.Builder().code(200).body(CALL).build());
        try (VoxworksClient client = client(true)) {
            client.getCall("c1");
            time.advance(Duration.ofSeconds(15));

            client.getCall("c1");

            assertThat(time.waits).containsExactly(Duration.ofSeconds(5));
        }
    }

    @Test
    void withoutTheThrottleNothingWaits() {
        server.enqueue(lastOne("X-RateLimit-Reset: 20"));
        server.enqueue(new MockResponse.Builder().code(200).body(CALL).build());
        try (VoxworksClient client = client(false)) {
            client.getCall("c1");
            client.getCall("c1");

            assertThat(time.waits).isEmpty();
        }
    }

    @Test
    void theAsyncCallWaitsToo() throws Exception {
        server.enqueue(lastOne("X-RateLimit-Reset: 12"));
        server.enqueue(new MockResponse.Builder().code(200).body(CALL).build());
        try (VoxworksClient client = client(true)) {
            client.getCallAsync("c1").get();
            client.getCallAsync("c1").get();

            assertThat(time.waits).containsExactly(Duration.ofSeconds(12));
        }
    }

    @Test
    void aWaitLongerThanTheDeadlineIsNotMade() {
        server.enqueue(lastOne("X-RateLimit-Reset: 3600"));
        server.enqueue(new MockResponse.Builder().code(200).body(CALL).build());
        try (VoxworksClient client = client(true)) {
            client.getCall("c1");

            client.getCall("c1");

            assertThat(time.waits).isEmpty();
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }
}
