package ai.voxworks.mock.junit5;

import static ai.voxworks.mock.junit5.RequestPattern.getCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/** {@code strict}: a test that made requests it did not expect fails, saying which; off by default. */
class StrictTest {

    static final String FOREIGN_KEY = "vx_test_not_a_key_of_anyone_01";

    /** Each test of the class, by name, and what failed it ("" when it passed). */
    private static Map<String, String> outcomes(EngineExecutionResults results) {
        return results.testEvents().finished().stream().collect(Collectors.toMap(
                e -> e.getTestDescriptor().getDisplayName().replace("()", "").replaceAll("\\(.*\\)", ""),
                e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().map(Throwable::getMessage).orElse("")));
    }

    @Test
    void aStrictMockFailsATestForA401ForACallTheDataLacksAndForNoEndpoint() {
        Map<String, String> outcomes = outcomes(TestKit.run(StrictByAnnotation.class));

        assertThat(outcomes.get("aWrongKey")).isEqualTo("Strict Voxworks mock: 1 request this test did not expect (a "
                + "verify or await that matches a request expects it), newest first:\n"
                + "  GET /api/v1/get-call/call_nw_1001 -> 401, no key  a 401");
        assertThat(outcomes.get("aCallTheDataLacksAndNoEndpoint")).startsWith("Strict Voxworks mock: 2 requests")
                .endsWith("\n  GET /api/v2/calls -> 404, no key                             no such endpoint"
                        + "\n  GET /api/v1/get-call/call_nw_9999 -> 404, key vx_test_…3a9c  a call the data lacks");
        assertThat(outcomes.get("aVerified401IsExpected")).isEmpty();
        assertThat(outcomes.get("anotherTeamsCallIsInTheData")).isEmpty();
        assertThat(outcomes.get("aFailedAssertionComesFirst")).isEqualTo("the test's own failure");
    }

    @Test
    void theBuilderTurnsItOnAndItIsOffByDefault() {
        assertThat(outcomes(TestKit.run(StrictByBuilder.class)).get("aWrongKey")).startsWith("Strict Voxworks mock: 1 request");
        assertThat(outcomes(TestKit.run(NotStrict.class)).get("aWrongKey")).isEmpty();
    }

    @Test
    void aStrictFailureIsAddedToTheTestsOwnNotInItsPlace() {
        EngineExecutionResults results = TestKit.run(StrictByAnnotation.class);

        Event own = results.testEvents().failed().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith("aFailedAssertionComesFirst")).findFirst()
                .orElseThrow();
        Throwable failure = own.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(AssertionFailedError.class)
                .satisfies(s -> assertThat(s.getMessage()).startsWith("Strict Voxworks mock: 1 request"));
    }

    static void get(VoxworksMock mock, String path) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                .header("Authorization", "Bearer " + mock.server().fixtures().demoKey()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @VoxworksMockTest(strict = true)
    @ExtendWith(TestKit.Inner.class)
    static class StrictByAnnotation {
        @Test
        void aWrongKey(VoxworksMock mock) {
            assertThatThrownBy(() -> mock.client(FOREIGN_KEY).getCall("call_nw_1001")).hasMessageContaining("401");
        }

        @Test
        void aCallTheDataLacksAndNoEndpoint(VoxworksMock mock) throws Exception {
            get(mock, "/api/v1/get-call/call_nw_9999");
            get(mock, "/api/v2/calls");
        }

        @Test
        void aVerified401IsExpected(VoxworksMock mock) {
            assertThatThrownBy(() -> mock.client(FOREIGN_KEY).getCall("call_nw_1001")).hasMessageContaining("401");
            mock.verify(1, getCall("call_nw_1001").withStatus(401));
        }

        @Test
        void anotherTeamsCallIsInTheData(VoxworksMock mock) {
            assertThatThrownBy(() -> mock.client().getCall("call_bb_2001")).hasMessageContaining("404");
        }

        @Test
        void aFailedAssertionComesFirst(VoxworksMock mock) {
            assertThatThrownBy(() -> mock.client(FOREIGN_KEY).getCall("call_nw_1001")).hasMessageContaining("401");
            throw new AssertionError("the test's own failure");
        }
    }

    @ExtendWith(TestKit.Inner.class)
    static class StrictByBuilder {
        @RegisterExtension
        static VoxworksMockExtension mock = VoxworksMockExtension.builder().strict().build();

        @Test
        void aWrongKey() {
            assertThatThrownBy(() -> mock.client(FOREIGN_KEY).getCall("call_nw_1001")).hasMessageContaining("401");
        }
    }

    @VoxworksMockTest
    @ExtendWith(TestKit.Inner.class)
    static class NotStrict {
        @Test
        void aWrongKey(VoxworksMock mock) {
            assertThatThrownBy(() -> mock.client(FOREIGN_KEY).getCall("call_nw_1001")).hasMessageContaining("401");
            assertThat(List.of()).isEmpty();
        }
    }
}
