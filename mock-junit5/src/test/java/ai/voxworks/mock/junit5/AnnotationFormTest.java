package ai.voxworks.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.client.NotFoundException;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.mock.InvalidFixturesException;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code @VoxworksMockTest} with its defaults: the bundled demo data, 60/60s, no latency. */
@VoxworksMockTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnotationFormTest {

    private static final String NORTHWIND_KEY = "vx_test_northwind_primary_7f3a9c";
    private static final String NEW_CALL = """
            {"id":"call_nw_9001","team_id":"team_northwind","status":"queued","duration":null}""";

    private static MockServer serverOfTheClass;
    private final VoxworksMock injectedIntoConstructor;
    private VoxworksMock injectedIntoBeforeEach;

    AnnotationFormTest(VoxworksMock mock) {
        this.injectedIntoConstructor = mock;
    }

    @BeforeAll
    static void remember(VoxworksMock mock) {
        serverOfTheClass = mock.server();
    }

    @BeforeEach
    void inject(VoxworksMock mock) {
        injectedIntoBeforeEach = mock;
    }

    @Test
    void oneMockForTheClassOnALoopbackPort(VoxworksMock mock) {
        assertThat(mock.baseUrl()).isEqualTo("http://127.0.0.1:" + mock.port());
        assertThat(mock.port()).isPositive();
        assertThat(mock.server()).isSameAs(serverOfTheClass);
        assertThat(injectedIntoConstructor).isSameAs(mock);
        assertThat(injectedIntoBeforeEach).isSameAs(mock);
    }

    @Test
    void clientUsesTheDemoKeyTheFirstOfTheFirstTeamInTeamsJson(VoxworksMock mock) {
        VoxworksClient client = mock.client();

        assertThat(client.maskedApiKey()).isEqualTo("vx_test_…3a9c");
        assertThat(client.getCall("call_nw_1001").teamId()).isEqualTo("team_northwind");
        assertThatThrownBy(() -> client.getCall("call_bb_2001")).isInstanceOf(NotFoundException.class);
        assertThat(mock.requests()).extracting(RecordedRequest::teamId).containsOnly("team_northwind");
    }

    @Test
    void clientWithAnotherKey(VoxworksMock mock) {
        assertThat(mock.client(NORTHWIND_KEY).getCall("call_nw_1001").status()).isEqualTo("completed");
    }

    @Test
    void putAndRemoveChangeWhatIsServed(VoxworksMock mock) {
        assertThat(mock.put(NEW_CALL).status()).isEqualTo("queued");
        assertThat(mock.client().getCall("call_nw_9001").status()).isEqualTo("queued");

        assertThat(mock.remove("call_nw_9001")).isTrue();
        assertThat(mock.remove("call_nw_9001")).isFalse();
        assertThatThrownBy(() -> mock.client().getCall("call_nw_9001")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anInvalidCallIsRefusedWithItsProblems(VoxworksMock mock) {
        assertThatThrownBy(() -> mock.put("{\"id\":\"call_nw_9002\",\"team_id\":\"team_northwind\",\"duration\":\"abc\"}"))
                .isInstanceOf(InvalidFixturesException.class)
                .hasMessageContaining("/duration");
    }

    @Test
    void requestsCanBeFilteredByCallAndStatus(VoxworksMock mock) {
        VoxworksClient client = mock.client();
        client.getCall("call_nw_1001");
        client.getCall("call_nw_1002");
        assertThatThrownBy(() -> client.getCall("call_unknown")).isInstanceOf(NotFoundException.class);

        assertThat(mock.requests()).extracting(r -> r.callId().orElseThrow())
                .containsExactly("call_unknown", "call_nw_1002", "call_nw_1001");
        assertThat(mock.requestsForCall("call_nw_1002")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(mock.requestsWithStatus(404)).singleElement()
                .satisfies(r -> assertThat(r.callId()).contains("call_unknown"));
        assertThat(mock.requestsWithStatus(200)).hasSize(2);
    }

    @Test
    void resetInsideATest(VoxworksMock mock) {
        mock.remove("call_nw_1001");
        mock.client().getCall("call_nw_1002");

        mock.reset();

        assertThat(mock.requests()).isEmpty();
        assertThat(mock.client().getCall("call_nw_1001").id()).isEqualTo("call_nw_1001");
    }

    @Test
    @Order(1)
    void changesEverything(VoxworksMock mock) {
        mock.put(NEW_CALL);
        mock.remove("call_nw_1001");
        VoxworksClient client = mock.client();
        for (int i = 0; i < 60; i++) {
            client.getCall("call_nw_1002");
        }
        assertThat(mock.requestsWithStatus(200)).hasSize(60);
    }

    @Test
    @Order(2)
    void theNextTestStartsFromTheSource(VoxworksMock mock) {
        assertThat(mock.requests()).isEmpty();
        assertThat(mock.server().fixtures().call("call_nw_9001")).isEmpty();
        assertThat(mock.server().fixtures().call("call_nw_1001")).isPresent();
        // A full bucket again: 60 more requests pass (a client of the mock would throw on a 429).
        VoxworksClient client = mock.client();
        for (int i = 0; i < 60; i++) {
            client.getCall("call_nw_1001");
        }
        assertThat(mock.requestsWithStatus(200)).hasSize(60);
    }

    @Nested
    class InANestedClass {
        @Test
        void theEnclosingClassesMockIsShared(VoxworksMock mock) {
            assertThat(mock.server()).isSameAs(serverOfTheClass);
            assertThat(mock.requests()).isEmpty();
        }
    }
}
