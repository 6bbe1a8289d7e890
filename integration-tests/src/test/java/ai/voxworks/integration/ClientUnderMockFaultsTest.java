package ai.voxworks.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.voxworks.client.TransportException;
import ai.voxworks.client.UnexpectedResponseException;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.mock.Fault;
import ai.voxworks.mock.FaultProfile;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import ai.voxworks.mock.RecordedRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the real mock's faults, with its default retries: a reset GET is retried, a
 * body cut short and a 200 that is not JSON are one typed error each, a dripping body ends at the
 * deadline; none hangs.
 */
class ClientUnderMockFaultsTest {

    private static final Duration NEVER_LONGER = Duration.ofSeconds(10);

    private static MockServer mock;
    private static VoxworksClient client;

    @BeforeAll
    static void start() {
        mock = MockServer.start(MockServerConfig.builder().port(0).rateLimit(RateLimit.off()).build());
        client = VoxworksClient.builder().apiKey(ClientAgainstMockTest.NORTHWIND_KEY).baseUrl(mock.baseUrl())
                .initialBackoff(Duration.ofMillis(20)).deadline(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        mock.close();
    }

    @BeforeEach
    void resetTheMock() {
        mock.reset();
    }

    @Test
    void aResetGetIsRetriedAndTheCallComes() {
        mock.faultNext(Fault.RESET);

        assertTimeoutPreemptively(NEVER_LONGER, () -> assertThat(client.getCall("call_nw_1001").id()).isEqualTo("call_nw_1001"));
        assertThat(mock.requests()).extracting(RecordedRequest::status).containsExactly(200, 0);
    }

    @Test
    void anAsynchronousResetGetIsRetriedToo() {
        mock.faultNext(Fault.RESET, Fault.RESET);

        assertTimeoutPreemptively(NEVER_LONGER, () -> assertThat(client.getCallAsync("call_nw_1002")
                .get(5, TimeUnit.SECONDS).id()).isEqualTo("call_nw_1002"));
        assertThat(mock.requests()).extracting(RecordedRequest::fault).containsExactly(null, "reset", "reset");
    }

    @Test
    void aBodyCutShortIsOneUnexpectedResponse() {
        mock.faultNext(Fault.TRUNCATE, Fault.TRUNCATE);

        assertTimeoutPreemptively(NEVER_LONGER, () -> assertThatThrownBy(() -> client.getCall("call_nw_1001"))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageStartingWith("HTTP 200: the body was cut off ("));
        assertThat(mock.requests()).as("not retried").hasSize(1);
    }

    @Test
    void aMalformedBodyIsOneUnexpectedResponse() {
        mock.faultNext(Fault.MALFORMED, Fault.MALFORMED);

        assertTimeoutPreemptively(NEVER_LONGER, () -> assertThatThrownBy(() -> client.getCall("call_nw_1001"))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageStartingWith("HTTP 200: not JSON: '<html><head><title>200 OK</title>"));
        assertThat(mock.requests()).as("not retried").hasSize(1);
    }

    @Test
    void aDrippingBodyEndsAtTheDeadline() {
        mock.faultNext(Fault.DRIP);
        long started = System.nanoTime();

        assertTimeoutPreemptively(NEVER_LONGER, () -> assertThatThrownBy(() -> client.getCall("call_nw_1001"))
                .isInstanceOf(TransportException.class).hasMessageContaining("2 s deadline"));
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(1_900L, 4_000L);
        assertThat(mock.requests()).hasSize(1);
    }

    @Test
    void underARandomProfileOfResetsEveryCallStillComes() {
        try (MockServer flaky = MockServer.start(MockServerConfig.builder().port(0).rateLimit(RateLimit.off())
                .faults(FaultProfile.parse("30%:reset").withSeed(42)).build());
             VoxworksClient retrying = client.newBuilder().baseUrl(flaky.baseUrl()).maxRetries(5).build()) {

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int i = 0; i < 20; i++) {
                    assertThat(retrying.getCall("call_nw_1001").id()).isEqualTo("call_nw_1001");
                }
            });
            assertThat(flaky.requests()).filteredOn(r -> "reset".equals(r.fault())).isNotEmpty();
            assertThat(flaky.requests()).filteredOn(r -> r.status() == 200).hasSize(20);
        }
    }
}
