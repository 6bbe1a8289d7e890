package ai.voxworks.mock.junit5;

import static ai.voxworks.mock.junit5.RequestPattern.anyRequest;
import static ai.voxworks.mock.junit5.RequestPattern.getCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.client.NotFoundException;
import ai.voxworks.client.VoxworksClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

/** {@code verify} and {@code await}: counts over the journal, and failures that show what came instead. */
class VerifyTest {

    static final String KEY = "vx_test_northwind_primary_7f3a9c";
    static final String OPS_KEY = "vx_test_northwind_ops_2b8e41";

    @RegisterExtension
    static VoxworksMockExtension mock = VoxworksMockExtension.builder().build();

    /** Two polls of call_nw_1001 with the demo key, one with the ops key, a HEAD, another team's call, a 401. */
    private static void mixedTraffic() throws Exception {
        VoxworksClient client = mock.client();
        client.getCall("call_nw_1001");
        client.getCall("call_nw_1001");
        mock.client(OPS_KEY).getCall("call_nw_1001");
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/v1/get-call/call_nw_1001"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + KEY).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThatThrownBy(() -> client.getCall("call_bb_2001")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mock.client("vx_test_nobody_at_all_0000").getCall("call_nw_1001"))
                .hasMessageContaining("401");
    }

    @Test
    void countsRequestsByCallIdKeyStatusAndMethod() throws Exception {
        mixedTraffic();

        mock.verify(2, getCall("call_nw_1001").withKey(KEY));
        mock.verify(1, getCall("call_nw_1001").withKey(OPS_KEY));
        mock.verify(3, getCall("call_nw_1001").withStatus(200));
        mock.verify(1, getCall("call_nw_1001").withStatus(401));
        mock.verify(1, getCall("call_nw_1001").withMethod("head").withKey(KEY));
        mock.verify(1, getCall("call_bb_2001").withKey(KEY).withStatus(404));
        mock.verify(0, getCall("call_nw_1002"));
        mock.verify(6, anyRequest());
        mock.verify(2, anyRequest().withMethod("GET").withKey(KEY).withStatus(200));
    }

    @Test
    void aWrongCountListsWhatWasReceivedNearestFirstWithKeysMasked() throws Exception {
        mixedTraffic();

        assertThatThrownBy(() -> mock.verify(3, getCall("call_nw_1001").withKey(KEY).withStatus(200)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("""
                        Expected 3 requests matching GET /api/v1/get-call/call_nw_1001 with key vx_test_…3a9c, status 200, \
                        but 2 matched.
                        Received 6 requests in this test, nearest first:
                          GET /api/v1/get-call/call_nw_1001 -> 200, key vx_test_…3a9c   matches
                          GET /api/v1/get-call/call_nw_1001 -> 200, key vx_test_…3a9c   matches
                          HEAD /api/v1/get-call/call_nw_1001 -> 200, key vx_test_…3a9c  differs in method
                          GET /api/v1/get-call/call_nw_1001 -> 200, key vx_test_…8e41   differs in key
                          GET /api/v1/get-call/call_nw_1001 -> 401, no key              differs in key, status
                          GET /api/v1/get-call/call_bb_2001 -> 404, key vx_test_…3a9c   differs in call id, status""");
    }

    @Test
    void theReadmesFailureIsTheOneThisTrafficGets() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/client-and-junit.md"));
        String shown = readme.substring(readme.indexOf("```\nExpected 3 requests") + 4);
        shown = shown.substring(0, shown.indexOf("\n```"));
        VoxworksClient client = mock.client();
        assertThatThrownBy(() -> mock.client("vx_test_nobody_at_all_0000").getCall("call_nw_1001"))
                .hasMessageContaining("401");
        mock.client(OPS_KEY).getCall("call_nw_1001");
        client.getCall("call_nw_1001");
        client.getCall("call_nw_1001");

        assertThatThrownBy(() -> mock.verify(3, getCall("call_nw_1001").withKey(KEY).withStatus(200))).hasMessage(shown);
    }

    @Test
    void noRequestAtAllSaysSo() {
        assertThatThrownBy(() -> mock.verify(1, getCall("call_nw_1001")))
                .hasMessage("Expected 1 request matching GET /api/v1/get-call/call_nw_1001, but 0 matched.\n"
                        + "No API request has reached the mock in this test.");
    }

    @Test
    void aLongJournalShowsTheNearestTenAndCountsTheRest() {
        VoxworksClient client = mock.client();
        for (int i = 0; i < 14; i++) {
            client.getCall("call_nw_100" + (1 + i % 3));
        }

        AssertionFailedError failure = (AssertionFailedError) org.assertj.core.api.Assertions.catchThrowable(
                () -> mock.verify(1, getCall("call_nw_1003")));

        assertThat(failure.getMessage().lines()).hasSize(13)
                .element(2).asString().startsWith("  GET /api/v1/get-call/call_nw_1003 ").endsWith("  matches");
        assertThat(failure.getMessage()).startsWith("Expected 1 request matching GET /api/v1/get-call/call_nw_1003, but 4 "
                + "matched.").endsWith("\n  ... and 4 more (mock.requests() has them all)");
    }

    @Test
    void aKeyThatIsNoTeamsIsSaidToBeOneTheJournalNeverHolds() {
        String unknown = "vx_test_nobody_at_all_0000";
        assertThatThrownBy(() -> mock.client(unknown).getCall("call_nw_1001")).hasMessageContaining("401");

        assertThatThrownBy(() -> mock.verify(1, anyRequest().withKey(unknown)))
                .hasMessageStartingWith("Expected 1 request matching any method any API path with key vx_test_…0000, "
                        + "but 0 matched. The key vx_test_…0000 is no team's in the mock's data: its requests were "
                        + "answered 401 and journaled without a key.")
                .hasMessageNotContaining(unknown);
        mock.verify(1, anyRequest().withStatus(401));
    }

    @Test
    void awaitReturnsAsSoonAsTheAsynchronousRequestArrives() {
        VoxworksClient client = mock.client();
        CompletableFuture<?> later = CompletableFuture.runAsync(() -> client.getCall("call_nw_1002"),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        long started = System.nanoTime();

        mock.await(Duration.ofSeconds(20)).verify(1, getCall("call_nw_1002").withStatus(200));

        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(250L, 5_000L);
        later.join();
    }

    @Test
    void awaitFailsAtItsTimeoutWithWhatCameMeanwhile() {
        mock.client().getCall("call_nw_1001");
        long started = System.nanoTime();

        assertThatThrownBy(() -> mock.await(Duration.ofMillis(400)).verify(1, getCall("call_nw_1002")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expected 1 request matching GET /api/v1/get-call/call_nw_1002 within 400ms, but 0 matched.\n"
                        + "Received 1 request in this test, nearest first:\n"
                        + "  GET /api/v1/get-call/call_nw_1001 -> 200, key vx_test_…3a9c  differs in call id");
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(390L, 3_000L);
    }

    @Test
    void awaitFailsAtOnceWhenMoreThanExpectedHaveCome() {
        VoxworksClient client = mock.client();
        client.getCall("call_nw_1001");
        client.getCall("call_nw_1001");
        long started = System.nanoTime();

        assertThatThrownBy(() -> mock.await(Duration.ofSeconds(20)).verify(1, getCall("call_nw_1001")))
                .hasMessageStartingWith("Expected 1 request matching GET /api/v1/get-call/call_nw_1001 within 20s, but 2 matched.");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000L);
    }

    @Test
    void aCountBelowZeroOrNoPatternIsAMistake() {
        assertThatThrownBy(() -> mock.verify(-1, anyRequest())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a count of requests is 0 or more, not -1");
        assertThatThrownBy(() -> mock.verify(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> getCall("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> anyRequest().withStatus(42)).hasMessage("42 is not an HTTP status");
    }
}
