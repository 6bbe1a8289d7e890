package ai.voxworks.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.client.RateLimitException;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builder form on a static field: one mock for the class, reset before each test. */
class ProgrammaticFormTest {

    @RegisterExtension
    static VoxworksMockExtension mock = VoxworksMockExtension.builder().rateLimit("5/10s").build();

    private static MockServer serverOfTheClass;

    @BeforeAll
    static void remember() {
        serverOfTheClass = mock.server();
    }

    @Test
    void theFieldIsTheMockAndSoIsTheParameter(VoxworksMock injected) {
        assertThat(mock.server()).isSameAs(serverOfTheClass);
        assertThat(injected.server()).isSameAs(serverOfTheClass);
        assertThat(mock.baseUrl()).isEqualTo(injected.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(mock.port()).isEqualTo(injected.port());
        assertThat(mock.server().config().rateLimit()).isEqualTo(RateLimit.of(5, Duration.ofSeconds(10)));
    }

    @RepeatedTest(2)
    void sixthRequestOfATestIsRefused() {
        VoxworksClient client = mock.client();
        for (int i = 0; i < 5; i++) {
            client.getCall("call_nw_1001");  // Passes in the second repetition only if the bucket was refilled.
        }

        assertThatThrownBy(() -> client.getCall("call_nw_1001")).isInstanceOf(RateLimitException.class);
        assertThat(mock.requestsWithStatus(429)).hasSize(1);
        assertThat(mock.requests()).hasSize(6);
    }

    @Test
    void fieldDelegatesEveryOperation() {
        mock.put("{\"id\":\"call_nw_9001\",\"team_id\":\"team_northwind\",\"status\":\"queued\"}");
        assertThat(mock.client("vx_test_northwind_primary_7f3a9c").getCall("call_nw_9001").status()).isEqualTo("queued");
        assertThat(mock.requestsForCall("call_nw_9001")).hasSize(1);
        assertThat(mock.remove("call_nw_9001")).isTrue();

        mock.reset();

        assertThat(mock.requests()).isEmpty();
        assertThat(mock.toString()).contains(mock.baseUrl());
    }

    static final List<MockServer> SERVERS_OF_SUBCLASSES = new CopyOnWriteArrayList<>();

    @Test
    void aFieldInABaseClassServesEachSubclassInTurnWithAMockOfItsOwn() {
        SERVERS_OF_SUBCLASSES.clear();

        TestKit.run(FirstSubclass.class, SecondSubclass.class)
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SERVERS_OF_SUBCLASSES).hasSize(2).doesNotHaveDuplicates();
    }

    @ExtendWith(TestKit.Inner.class)
    abstract static class SharedBase {
        @RegisterExtension
        static VoxworksMockExtension shared = VoxworksMockExtension.builder().build();

        @Test
        void usesIt() {
            assertThat(shared.requests()).isEmpty();
            shared.client().getCall("call_nw_1001");
            SERVERS_OF_SUBCLASSES.add(shared.server());
        }
    }

    static class FirstSubclass extends SharedBase {
    }

    static class SecondSubclass extends SharedBase {
    }
}
