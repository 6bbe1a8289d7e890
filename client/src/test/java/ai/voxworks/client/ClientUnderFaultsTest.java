package ai.voxworks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The four faults the mock makes on request ({@code Prefer: fault=}), scripted the same way on
 * MockWebServer, with retries on as by default: a reset is retried, a body cut short or a 200 that
 * is not JSON is one typed error and no retry, a dripping body ends at the deadline; none hangs.
 */
class ClientUnderFaultsTest {

    private static final String KEY = "vx_test_faults_key_0000_1111";
    private static final String CALL = "{\"success\":true,\"call\":{\"id\":\"c1\",\"status\":\"completed\",\"duration\":7}}";

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private VoxworksClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        // The defaults but for the sleeper (no real waits between attempts) and a short deadline.
        client = VoxworksClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).sleeper(sleeper)
                .deadline(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static MockResponse call() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(CALL).build();
    }

    /** {@code fault=reset}: the connection closes before any byte of a response. */
    private static MockResponse reset() {
        return new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build();
    }

    /** {@code fault=truncate}: status, headers with the whole length, half the body, then the connection closes. */
    private static MockResponse truncated() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(CALL)
                .onResponseBody(new SocketEffect.CloseSocket()).build();
    }

    /** {@code fault=malformed}: a 200 that says JSON and is a page. */
    private static MockResponse malformed() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("<html><head><title>200 OK</title></head><body><p>The service answered, but not in JSON.</p></body></html>\n")
                .build();
    }

    /** {@code fault=drip}: the headers at once, then the body 4 bytes a second. */
    private static MockResponse dripping() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(CALL)
                .throttleBody(1, 250, TimeUnit.MILLISECONDS).build();
    }

    @Test
    void aResetGetIsRetriedAndTheCallComes() {
        server.enqueue(reset());
        server.enqueue(call());

        assertThat(client.getCall("c1").id()).isEqualTo("c1");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void aResetGetIsRetriedAsynchronouslyToo() throws Exception {
        server.enqueue(reset());
        server.enqueue(call());

        assertThat(client.getCallAsync("c1").get(5, TimeUnit.SECONDS).id()).isEqualTo("c1");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aBodyCutShortIsOneUnexpectedResponseAndNoRetry() {
        server.enqueue(truncated());
        server.enqueue(call());

        assertThatThrownBy(() -> client.getCall("c1")).isInstanceOf(UnexpectedResponseException.class)
                .hasMessageStartingWith("HTTP 200: the body was cut off")
                .satisfies(e -> assertThat(((UnexpectedResponseException) e).status()).isEqualTo(200));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aMalformedBodyIsOneUnexpectedResponseNamingTheStatusAndNoRetry() {
        server.enqueue(malformed());
        server.enqueue(call());

        assertThatThrownBy(() -> client.getCall("c1")).isInstanceOf(UnexpectedResponseException.class)
                .hasMessage("HTTP 200: not JSON: '<html><head><title>200 OK</title></head><body><p>The service answered, "
                        + "but not in JSON.</p></body></html>'");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDrippingBodyEndsAtTheDeadlineWithoutARetry() {
        server.enqueue(dripping());
        server.enqueue(call());
        long started = System.nanoTime();

        assertThatThrownBy(() -> client.getCall("c1")).isInstanceOf(TransportException.class)
                .hasMessageContaining("2 s deadline").hasMessageNotContaining(KEY);

        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(1_900L, 4_000L);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDrippingBodyEndsAtTheDeadlineAsynchronouslyToo() {
        server.enqueue(dripping());
        long started = System.nanoTime();

        assertThatThrownBy(() -> client.getCallAsync("c1").join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(TransportException.class);

        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(1_900L, 4_000L);
    }
}
