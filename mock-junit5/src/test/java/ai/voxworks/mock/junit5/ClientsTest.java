package ai.voxworks.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension closes the clients it made: a test's after that test, the others after the class. */
class ClientsTest {

    static final List<Integer> OPEN_CLIENTS = new CopyOnWriteArrayList<>();
    static RunningMock mockOfTheRun;

    @Test
    void clientsAreClosedWhenWhatMadeThemEnds() {
        OPEN_CLIENTS.clear();

        TestKit.run(MakesClients.class).testEvents().assertStatistics(stats -> stats.succeeded(2));

        // In the first test: its two and the one from @BeforeAll. In the second: its one and that one.
        assertThat(OPEN_CLIENTS).containsExactly(3, 2);
        assertThat(mockOfTheRun.openClients()).isZero();
    }

    @VoxworksMockTest
    @ExtendWith(TestKit.Inner.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class MakesClients {
        @BeforeAll
        static void oneForTheClass(VoxworksMock mock) {
            mockOfTheRun = (RunningMock) mock;
            mock.client().getCall("call_nw_1001");
        }

        @Test
        @Order(1)
        void twoInATest(VoxworksMock mock) {
            mock.client().getCall("call_nw_1001");
            mock.client("vx_test_northwind_primary_7f3a9c").getCall("call_nw_1001");
            OPEN_CLIENTS.add(mockOfTheRun.openClients());
        }

        @Test
        @Order(2)
        void oneInTheNext(VoxworksMock mock) {
            mock.client().getCall("call_nw_1001");
            OPEN_CLIENTS.add(mockOfTheRun.openClients());
        }
    }
}
