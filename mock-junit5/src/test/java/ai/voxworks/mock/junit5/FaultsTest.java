package ai.voxworks.mock.junit5;

import static ai.voxworks.mock.junit5.RequestPattern.getCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.client.ServerException;
import ai.voxworks.client.TransportException;
import ai.voxworks.client.UnexpectedResponseException;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.mock.Fault;
import ai.voxworks.mock.FaultProfile;
import ai.voxworks.mock.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Faults from the handle and from a seeded profile, as the client in a test meets them. */
class FaultsTest {

    @Nested
    @VoxworksMockTest
    class FromTheHandle {

        @Test
        void theNextRequestsGetTheQueuedFaultsThenNone(VoxworksMock mock) {
            mock.faultNext(Fault.RESET, Fault.MALFORMED, Fault.status(500));
            VoxworksClient client = mock.client();  // No retries: each fault reaches the test.

            assertThatThrownBy(() -> client.getCall("call_nw_1001")).isInstanceOf(TransportException.class);
            assertThatThrownBy(() -> client.getCall("call_nw_1001")).isInstanceOf(UnexpectedResponseException.class)
                    .hasMessageStartingWith("HTTP 200: not JSON: '<html>");
            assertThatThrownBy(() -> client.getCall("call_nw_1001")).isInstanceOf(ServerException.class);
            assertThat(client.getCall("call_nw_1001").id()).isEqualTo("call_nw_1001");

            mock.verify(1, getCall("call_nw_1001").withFault(Fault.RESET).withStatus(0));
            mock.verify(1, getCall("call_nw_1001").withFault(Fault.status(500)).withStatus(500));
            assertThat(mock.requests()).extracting(RecordedRequest::fault).containsExactly(null, "500", "malformed", "reset");
        }

        @Test
        void aClientThatRetriesGetsTheCallAfterAReset(VoxworksMock mock) {
            mock.faultNext(Fault.RESET);
            try (VoxworksClient retrying = VoxworksClient.builder().apiKey(mock.server().fixtures().demoKey())
                    .baseUrl(mock.baseUrl()).initialBackoff(Duration.ofMillis(10)).build()) {

                assertThat(retrying.getCall("call_nw_1001").id()).isEqualTo("call_nw_1001");
            }
            mock.verify(1, getCall("call_nw_1001").withFault(Fault.RESET));
            mock.verify(1, getCall("call_nw_1001").withStatus(200));
        }

        @Test
        void theResetBeforeEachTestForgetsWhatTheTestBeforeQueued(VoxworksMock mock) {
            mock.faultNext(Fault.RESET);
            mock.reset();

            assertThat(mock.client().getCall("call_nw_1001").id()).isEqualTo("call_nw_1001");
        }
    }

    /** The faults the first 20 requests of a test get, oldest first. */
    private static List<String> faultsOfTwentyRequests(VoxworksMock mock) {
        VoxworksClient client = mock.client();
        for (int i = 0; i < 20; i++) {
            try {
                client.getCall("call_nw_1001");
            } catch (RuntimeException faulted) {
                // Counted from the journal below.
            }
        }
        List<String> faults = new ArrayList<>(mock.requests().stream().map(r -> String.valueOf(r.fault())).toList());
        java.util.Collections.reverse(faults);
        return faults;
    }

    static final String PROFILE = "30%:reset,20%:500";
    static final List<String> EXPECTED = LongStream.range(0, 20)
            .mapToObj(n -> FaultProfile.parse(PROFILE).withSeed(42).faultFor(n).map(Fault::name).orElse("null")).toList();

    @Nested
    @VoxworksMockTest(faults = PROFILE, seed = 42, rateLimit = "off")
    class AProfileOnTheAnnotation {

        @Test
        void eachTestGetsTheFaultsTheSeedSaysFromItsFirstRequest(VoxworksMock mock) {
            assertThat(mock.server().config().faults()).isEqualTo(FaultProfile.parse(PROFILE).withSeed(42));
            assertThat(faultsOfTwentyRequests(mock)).isEqualTo(EXPECTED).contains("reset", "500", "null");
        }

        @Test
        void aSecondTestGetsTheSameOnes(VoxworksMock mock) {
            assertThat(faultsOfTwentyRequests(mock)).isEqualTo(EXPECTED);
        }
    }

    @Nested
    class AProfileOnTheBuilder {
        @RegisterExtension
        static VoxworksMockExtension mock = VoxworksMockExtension.builder().rateLimit("off").faults(PROFILE).seed(42).build();

        @Test
        void drawsAsTheAnnotationDoes() {
            assertThat(faultsOfTwentyRequests(mock)).isEqualTo(EXPECTED);
        }

        @Test
        void aBadProfileFailsAtOnce() {
            assertThatThrownBy(() -> VoxworksMockExtension.builder().faults("30%:explode"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'explode' is not a fault");
        }
    }

    @Nested
    class AProfileWithItsOwnSeed {
        @RegisterExtension
        static VoxworksMockExtension mock = VoxworksMockExtension.builder().rateLimit("off")
                .faults(FaultProfile.parse(PROFILE).withSeed(42)).build();

        @Test
        void keepsItsSeedWhenTheBuilderGivesNone() {
            assertThat(mock.server().config().faults().seed()).isEqualTo(42);
            assertThat(faultsOfTwentyRequests(mock)).isEqualTo(EXPECTED);
        }
    }

    @Test
    void aBadFaultsAttributeFailsTheClassNamingIt() {
        EngineExecutionResults results = TestKit.run(BadFaults.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        Throwable failure = results.containerEvents().failed().list().get(0).getPayload(TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@VoxworksMockTest(faults) on " + BadFaults.class.getName() + ": ")
                .hasMessageContaining("the faults' shares add up to 150%, more than 100%");
    }

    @VoxworksMockTest(faults = "100%:reset,50%:500")
    @ExtendWith(TestKit.Inner.class)
    static class BadFaults {
        @Test
        void neverRuns() {
        }
    }
}
