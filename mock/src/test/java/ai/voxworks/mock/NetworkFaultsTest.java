package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.mock.internal.http.ServerLimits;
import ai.voxworks.mock.testing.LocalServer;
import ai.voxworks.mock.testing.RawHttp;
import ai.voxworks.mock.testing.TestHttp;
import io.github.bucket4j.TimeMeter;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Prefer: fault=...} and {@link MockServer#faultNext}, seen from a socket: exactly what curl
 * sees (a reset, a body cut short, a body that drips, a 200 that is not JSON), and what the journal
 * says of each.
 */
class NetworkFaultsTest {

    @RegisterExtension
    final LocalServer mock = LocalServer.withDefaults();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A get-call of the demo key on a connection the server closes after answering. */
    private static String request(String... headers) {
        StringBuilder r = new StringBuilder("GET " + TestHttp.GET_CALL + "call_nw_1001 HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nAuthorization: Bearer " + NORTHWIND_KEY + "\r\n");
        for (String header : headers) {
            r.append(header).append("\r\n");
        }
        return r.append("\r\n").toString();
    }

    private RawHttp.Received receive(String request, int timeoutMs) {
        return RawHttp.receive(mock.server().port(), request, timeoutMs);
    }

    /** The body the call's 200 has, as served without a fault. */
    private byte[] wholeBody() {
        return mock.http().getCall("call_nw_1001", NORTHWIND_KEY).body().getBytes(StandardCharsets.UTF_8);
    }

    private RecordedRequest newest() {
        return mock.server().requests().get(0);
    }

    @Test
    void resetClosesTheConnectionWithAnRstBeforeAnyByte() {
        RawHttp.Received received = receive(request("Prefer: fault=reset"), 5000);

        assertThat(received.end()).isEqualTo(RawHttp.End.RESET);
        assertThat(received.bytes()).isEmpty();
        RecordedRequest journaled = newest();
        assertThat(journaled.fault()).isEqualTo("reset");
        assertThat(journaled.status()).isZero();
        // It never reached the API: no key read, no rate-limit token taken.
        assertThat(journaled.maskedKey()).isNull();
        assertThat(mock.http().getCall("call_nw_1001", NORTHWIND_KEY).headers().firstValue("X-RateLimit-Remaining"))
                .hasValue("59");
    }

    @Test
    void theAdminJournalNamesTheFaultAndOnlyWhenThereIsOne() {
        receive(request("Prefer: fault=reset"), 5000);
        mock.http().getCall("call_nw_1001", NORTHWIND_KEY);

        var requests = JSON.readTree(mock.http().get("/__mock/requests").body()).get("requests");

        assertThat(requests.get(0).has("fault")).isFalse();
        assertThat(requests.get(1).get("fault").asString()).isEqualTo("reset");
        assertThat(requests.get(1).get("status").asInt()).isZero();
    }

    @Test
    void truncateSendsTheHeadersWithTheWholeLengthThenHalfTheBodyThenCloses() {
        byte[] whole = wholeBody();

        RawHttp.Received received = receive(request("Prefer: fault=truncate"), 5000);

        assertThat(received.end()).isEqualTo(RawHttp.End.CLOSED);
        assertThat(received.text()).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("Content-Length: " + whole.length + "\r\n", "X-RateLimit-Remaining: 58\r\n");
        assertThat(received.body()).isEqualTo(Arrays.copyOf(whole, whole.length / 2));
        assertThat(newest()).satisfies(r -> {
            assertThat(r.fault()).isEqualTo("truncate");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.maskedKey()).isEqualTo("vx_test_…3a9c");
        });
    }

    @Test
    void dripSendsTheHeadersAtOnceThenTheBodyAFewBytesASecond() {
        byte[] whole = wholeBody();

        RawHttp.Received received = receive(request("Prefer: fault=drip"), 1500);

        assertThat(received.end()).as("still dripping after 1.5 s").isEqualTo(RawHttp.End.OPEN);
        assertThat(received.text()).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: " + whole.length + "\r\n");
        // 4 bytes a second, the first at once: 6 or 7 by now on a quiet machine, of the call's own body.
        assertThat(received.body().length).isBetween(2, 8);
        assertThat(received.body()).isEqualTo(Arrays.copyOf(whole, received.body().length));
        assertThat(newest().fault()).isEqualTo("drip");
    }

    @Test
    void malformedIsA200WhoseBodyIsNotJsonThoughItSaysSo() {
        RawHttp.Received received = receive(request("Prefer: fault=malformed"), 5000);
        HttpResponse<String> response = mock.http().get(TestHttp.GET_CALL + "call_nw_1001", "Prefer", "fault=malformed");

        assertThat(received.end()).isEqualTo(RawHttp.End.CLOSED);
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).startsWith("<html>");
        assertThat(received.text()).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Type: application/json\r\n");
        assertThat(response.statusCode()).as("no key needed").isEqualTo(200);
        assertThatThrownBy(() -> JSON.readTree(response.body())).isInstanceOf(JacksonException.class);
        assertThat(newest().fault()).isEqualTo("malformed");
    }

    @Test
    void aTruncatedReplyIsTheOneTheRequestEarnedAForcedStatusIncluded() {
        byte[] missingKey = mock.http().get(TestHttp.GET_CALL + "call_nw_1001").body().getBytes(StandardCharsets.UTF_8);

        RawHttp.Received unauthorized = RawHttp.receive(mock.server().port(), "GET " + TestHttp.GET_CALL
                + "call_nw_1001 HTTP/1.1\r\nHost: localhost\r\nPrefer: fault=truncate\r\n\r\n", 5000);
        RawHttp.Received forced = receive(request("Prefer: code=500, fault=truncate"), 5000);

        assertThat(unauthorized.text()).startsWith("HTTP/1.1 401 ").contains("WWW-Authenticate: Bearer");
        assertThat(unauthorized.body()).isEqualTo(Arrays.copyOf(missingKey, missingKey.length / 2));
        assertThat(forced.text()).startsWith("HTTP/1.1 500 ");
        assertThat(forced.end()).isEqualTo(RawHttp.End.CLOSED);
    }

    @Test
    void aDripEndsWithTheWholeBodyAndTheConnectionServesTheNextRequest() {
        ServerLimits fastDrip = new ServerLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 8, 200,
                Duration.ofSeconds(10), Duration.ofMillis(1));
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).build(), TimeMeter.SYSTEM_NANOTIME,
                fastDrip)) {
            String dripThenPlain = request("Prefer: fault=drip").replace("Connection: close\r\n", "") + request();

            RawHttp.Exchange exchange = RawHttp.exchange(server.port(), dripThenPlain.getBytes(StandardCharsets.US_ASCII),
                    10_000);

            assertThat(exchange.responses()).extracting(RawHttp.Response::status).containsExactly(200, 200);
            assertThat(exchange.responses().get(0).text()).isEqualTo(exchange.responses().get(1).text())
                    .startsWith("{\"success\":true,\"call\":{\"id\":\"call_nw_1001\"");
            assertThat(server.requests()).extracting(RecordedRequest::fault).containsExactly(null, "drip");
        }
    }

    @Test
    void aDelayedTruncateOrResetLeavesNothingBehindForTheNextRequest() {
        RawHttp.Received truncated = receive(request("Prefer: fault=truncate, delay=50"), 5000);

        assertThat(truncated.end()).isEqualTo(RawHttp.End.CLOSED);
        assertThat(truncated.text()).startsWith("HTTP/1.1 200 ");
        assertThat(receive(request(), 5000).text()).startsWith("HTTP/1.1 200 ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fault=explode|Prefer fault=explode is not a fault; use reset, truncate, drip or malformed",
        "fault=500|Prefer fault=500 is a status; ask for it with Prefer: code=500",
        "code=500, fault=reset|Prefer code=500 and fault=reset ask for two different answers"})
    void aBadFaultIsA400ThatSaysWhy(String prefer, String message) {
        HttpResponse<String> response = mock.http().get(TestHttp.GET_CALL + "call_nw_1001",
                "Authorization", "Bearer " + NORTHWIND_KEY, "Prefer", prefer);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(message);
    }

    @Test
    void headGetsNoBodyToCutSoItIsAnsweredWhole() {
        RawHttp.Received received = RawHttp.receive(mock.server().port(), request("Prefer: fault=truncate")
                .replaceFirst("GET", "HEAD"), 5000);

        assertThat(received.text()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n");
        assertThat(received.end()).isEqualTo(RawHttp.End.CLOSED);
        assertThat(newest().fault()).isNull();
    }

    @Test
    void faultNextFaultsTheNextRequestsInOrderThenNoMore() {
        mock.server().faultNext(Fault.RESET, Fault.status(500), Fault.MALFORMED);

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RawHttp.Received received = receive(request(), 5000);
            seen.add(received.end() == RawHttp.End.RESET ? "reset" : received.text().substring(9, 12));
        }

        assertThat(seen).containsExactly("reset", "500", "200", "200");
        assertThat(mock.server().requests()).extracting(RecordedRequest::fault)
                .containsExactly(null, "malformed", "500", "reset");
    }

    @Test
    void aRequestsOwnPreferWinsOverAQueuedFaultAndResetForgetsTheRest() {
        mock.server().faultNext(Fault.RESET, Fault.RESET);

        assertThat(receive(request("Prefer: code=404"), 5000).text()).startsWith("HTTP/1.1 404 ");
        mock.server().reset();

        assertThat(receive(request(), 5000).text()).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void aResetAfterADelayComesAfterTheDelay() {
        long started = System.nanoTime();

        RawHttp.Received received = receive(request("Prefer: fault=reset, delay=300"), 5000);

        assertThat(received.end()).isEqualTo(RawHttp.End.RESET);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void drippingBodiesHoldNoServerThread() throws Exception {
        // 64 threads at most; 80 bodies dripping at once, and a plain request is still answered at once.
        ServerLimits limits = new ServerLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 4, 64, Duration.ofSeconds(10));
        List<Socket> drips = new ArrayList<>();
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).rateLimit(RateLimit.off()).build(),
                TimeMeter.SYSTEM_NANOTIME, limits)) {
            for (int i = 0; i < 80; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                drips.add(socket);
                socket.getOutputStream().write(request("Prefer: fault=drip").getBytes(StandardCharsets.US_ASCII));
            }
            long started = System.nanoTime();

            assertThat(RawHttp.receive(server.port(), request(), 5000).text()).startsWith("HTTP/1.1 200 ");
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        } finally {
            for (Socket socket : drips) {
                socket.close();
            }
        }
    }
}
