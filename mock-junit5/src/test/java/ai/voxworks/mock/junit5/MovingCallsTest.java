package ai.voxworks.mock.junit5;

import static ai.voxworks.mock.junit5.RequestPattern.anyRequest;
import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.client.Call;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.mock.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The handle moves time: a test of a loop that polls a call through its 60 s timeline takes no real time. */
@VoxworksMockTest
class MovingCallsTest {

    /** A polling loop as an application writes one: it waits with what it is given, a real sleep in production. */
    static List<String> pollUntilEnded(VoxworksClient client, String id, Consumer<Duration> sleep) {
        List<String> seen = new ArrayList<>();
        for (Call call = client.getCall(id); ; call = client.getCall(id)) {
            String line = call.status() + (call.progress() == null ? "" : " " + call.progress());
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(line)) {
                seen.add(line);
            }
            if (call.ended()) {
                return seen;
            }
            sleep.accept(Duration.ofSeconds(2));
        }
    }

    @Test
    void aPollingLoopGivenTheMocksTimeGoesThroughTheWholeTimelineAtOnce(VoxworksMock mock) {
        Instant mockStart = mock.server().clock().instant();
        long realStart = System.nanoTime();

        List<String> seen = pollUntilEnded(mock.client(), "call_nw_1007", mock::advance);

        assertThat(seen).containsExactly("scheduled", "in-progress dialling", "in-progress confirming_appointment",
                "in-progress collecting_reminder_preference", "completed");
        assertThat(Duration.between(mockStart, mock.server().clock().instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(40));
        // 21 polls 2 s apart: the 40 s of the timeline went by in the mock's time, not in the test's.
        assertThat(mock.requests()).hasSize(21);
        assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theHandlesClientAwaitsACallInTheMocksTimeAndDrawsNo429(VoxworksMock mock) {
        List<String> changes = new ArrayList<>();

        Call done = mock.client().awaitCall("call_nw_1008", Call::ended, Duration.ofMinutes(2), c -> changes.add(c.status()));

        assertThat(done.status()).isEqualTo("no-answer");
        assertThat(changes).containsExactly("scheduled", "in-progress", "in-progress", "no-answer");
        assertThat(mock.requests()).extracting(RecordedRequest::stage).contains(0, 1, 2, 3);
        mock.verify(0, anyRequest().withStatus(429));
    }

    @Test
    void advanceMovesTheTimelinesAndTheResetBeforeEachTestStartsThemAgain(VoxworksMock mock) {
        VoxworksClient client = mock.client();
        assertThat(client.getCall("call_nw_1008").status()).isEqualTo("scheduled");

        mock.advance(Duration.ofSeconds(10));
        assertThat(client.getCall("call_nw_1008").progress()).isEqualTo("ringing");

        mock.reset();
        assertThat(client.getCall("call_nw_1008").status()).isEqualTo("scheduled");
    }
}
