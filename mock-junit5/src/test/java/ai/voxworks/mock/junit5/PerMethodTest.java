package ai.voxworks.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.mock.MockServer;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One mock per test method: with {@code perMethod()}, or on a non-static field. */
class PerMethodTest {

    /** Each test saw a server of its own, and none is left listening. */
    static void assertOnePerTest(List<Map.Entry<MockServer, Integer>> serversAndPorts) {
        assertThat(serversAndPorts).extracting(Map.Entry::getKey).hasSize(3).doesNotHaveDuplicates();
        for (int port : serversAndPorts.stream().map(Map.Entry::getValue).toList()) {
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                    .as("port %d after its test", port)
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Nested
    class WithPerMethod {
        @RegisterExtension
        static VoxworksMockExtension mock = VoxworksMockExtension.builder().perMethod().build();

        static final List<Map.Entry<MockServer, Integer>> servers = new CopyOnWriteArrayList<>();

        @RepeatedTest(3)
        void eachTestHasItsOwnMock(VoxworksMock injected) {
            assertThat(injected.server()).isSameAs(mock.server());
            assertThat(mock.client().getCall("call_nw_1001").id()).isEqualTo("call_nw_1001");
            servers.add(Map.entry(mock.server(), mock.port()));
        }

        @AfterAll
        static void check() {
            assertOnePerTest(servers);
            assertThatThrownBy(mock::baseUrl).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not running");
        }
    }

    @Nested
    class OnAnInstanceField {
        @RegisterExtension
        VoxworksMockExtension mock = VoxworksMockExtension.builder().build();

        static final List<Map.Entry<MockServer, Integer>> servers = new CopyOnWriteArrayList<>();

        @RepeatedTest(3)
        void eachTestHasItsOwnMock(VoxworksMock injected) {
            assertThat(injected.server()).isSameAs(mock.server());
            assertThat(mock.server().fixtures().call("call_nw_1001")).isPresent();
            mock.remove("call_nw_1001");
            servers.add(Map.entry(mock.server(), mock.port()));
        }

        @AfterAll
        static void check() {
            assertOnePerTest(servers);
        }
    }
}
