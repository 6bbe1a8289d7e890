package ai.voxworks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults a real server can produce, scripted with OkHttp's MockWebServer on loopback. */
class ClientFaultsTest {

    private static final String KEY = "vx_test_secret_key_do_not_print_42";
    private static final String CALL = "{\"success\":true,\"call\":{\"id\":\"c1\",\"status\":\"completed\",\"duration\":7}}";

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private VoxworksClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = client(2);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private VoxworksClient client(int retries) {
        return VoxworksClient.builder().apiKey(KEY).baseUrl(server.url("/").toString())
                .maxRetries(retries).sleeper(sleeper).random(() -> 0.5)
                .readTimeout(Duration.ofMillis(300)).build();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private <T extends Throwable> T failure(Class<T> type, Runnable call) {
        try {
            call.run();
        } catch (Throwable t) {
            assertThat(t).isInstanceOf(type);
            // Whatever failed, the key shows nowhere in what the caller gets.
            for (Throwable e = t; e != null; e = e.getCause()) {
                assertThat(String.valueOf(e.getMessage())).doesNotContain(KEY);
            }
            return type.cast(t);
        }
        throw new AssertionError("expected " + type.getSimpleName());
    }

    @Test
    void retriesServerErrorThenSucceeds() {
        server.enqueue(json(500, "{\"success\":false,\"message\":\"Internal server error\"}"));
        server.enqueue(json(200, CALL));

        assertThat(client.getCall("c1").duration()).isEqualTo(7L);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void backoffDoublesWithFullJitterUntilRetriesRunOut() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(503, "{\"success\":false,\"message\":\"busy\"}"));
        }

        ServerException e = failure(ServerException.class, () -> client.getCall("c1"));

        assertThat(e.status()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void rateLimitedWithRetryAfterWaitsThatLongThenSucceeds() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3")
                .addHeader("X-RateLimit-Limit", "60").addHeader("X-RateLimit-Remaining", "0")
                .body("{\"success\":false,\"message\":\"Rate limit exceeded\"}").build());
        server.enqueue(json(200, CALL));

        assertThat(client.getCall("c1").id()).isEqualTo("c1");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void httpDateRetryAfterIsMeasuredAgainstTheClock() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        try (VoxworksClient dated = client.newBuilder().clock(clock).build()) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "Wed, 25 Nov 2026 10:00:07 GMT")
                    .body("{\"success\":false,\"message\":\"Rate limit exceeded\"}").build());
            server.enqueue(json(200, CALL));

            dated.getCall("c1");

            assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        }
    }

    @Test
    void retriesOffMeansOneAttempt() {
        try (VoxworksClient once = client(0)) {
            server.enqueue(json(500, "{\"success\":false,\"message\":\"Internal server error\"}"));

            ServerException e = failure(ServerException.class, () -> once.getCall("c1"));

            assertThat(e).hasMessage("HTTP 500: Internal server error");
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(sleeper.waits).isEmpty();
        }
    }

    @Test
    void unauthorizedAndNotFoundAreNeverRetried() {
        server.enqueue(json(401, "{\"success\":false,\"message\":\"Invalid API key\"}"));
        server.enqueue(json(404, "{\"success\":false,\"message\":\"Call not found\"}"));

        failure(AuthenticationException.class, () -> client.getCall("c1"));
        failure(NotFoundException.class, () -> client.getCall("c1"));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void htmlBadGatewayNamesTheStatusAndASnippet() {
        try (VoxworksClient once = client(0)) {
            server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                    .body("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>").build());

            ServerException e = failure(ServerException.class, () -> once.getCall("c1"));

            assertThat(e.status()).isEqualTo(502);
            assertThat(e.serverMessage()).isNull();
            assertThat(e).hasMessageStartingWith("HTTP 502: unexpected body: '<html> <head><title>502 Bad Gateway");
        }
    }

    @Test
    void truncatedJsonIsAnUnexpectedResponseNotAJacksonTrace() {
        server.enqueue(json(200, "{\"success\":true,\"call\":{\"id\":\"c1\",\"status\":\"compl"));

        UnexpectedResponseException e = failure(UnexpectedResponseException.class, () -> client.getCall("c1"));

        assertThat(e.status()).isEqualTo(200);
        assertThat(e).hasMessageStartingWith("HTTP 200: not JSON: '{\"success\":true,\"call\":{\"id\":\"c1\"");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void bodyCutOffMidwayIsAnUnexpectedResponse() {
        server.enqueue(new MockResponse.Builder().code(200).body(CALL)
                .onResponseBody(new SocketEffect.CloseSocket()).build());

        UnexpectedResponseException e = failure(UnexpectedResponseException.class, () -> client.getCall("c1"));

        assertThat(e).hasMessageStartingWith("HTTP 200: the body was cut off");
    }

    @Test
    void emptyBodyIsAnUnexpectedResponse() {
        server.enqueue(json(200, ""));

        assertThat(failure(UnexpectedResponseException.class, () -> client.getCall("c1")))
                .hasMessage("HTTP 200: empty body");
    }

    @Test
    void wrongShapeIsAnUnexpectedResponse() {
        server.enqueue(json(200, "{\"success\":true,\"call\":{\"id\":\"c1\",\"duration\":\"abc\"}}"));
        server.enqueue(json(200, "{\"success\":true,\"calls\":[]}"));

        assertThat(failure(UnexpectedResponseException.class, () -> client.getCall("c1")))
                .hasMessageContaining("duration should be an integer");
        assertThat(failure(UnexpectedResponseException.class, () -> client.getCall("c1")))
                .hasMessageContaining("no \"call\" object");
    }

    @Test
    void connectionResetIsATransportFailureRetriedThenReported() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        }

        TransportException e = failure(TransportException.class, () -> client.getCall("c1"));

        assertThat(e.status()).isZero();
        assertThat(e.getCause()).isNotNull();
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void slowServerHitsTheReadTimeout() {
        try (VoxworksClient once = client(0)) {
            server.enqueue(new MockResponse.Builder().code(200).body(CALL).headersDelay(2, TimeUnit.SECONDS).build());

            TransportException e = failure(TransportException.class, () -> once.getCall("c1"));

            assertThat(e).hasMessageContaining("timed out");
        }
    }

    @Test
    void sendsBearerKeyUserAgentAndOneEncodedSegment() throws Exception {
        server.enqueue(json(200, CALL));

        client.getCall("a/b ../ü");
        RecordedRequest request = server.takeRequest();

        assertThat(request.getTarget()).isEqualTo("/api/v1/get-call/a%2Fb%20..%2F%C3%BC");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeaders().get("User-Agent")).startsWith("voxworks-java/");
    }

    @Test
    void dotSegmentsCannotBeIdsBecauseEveryUrlLayerWouldNavigate() {
        assertThatThrownBy(() -> client.getCall("..")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'..' cannot be a call id");
        assertThatThrownBy(() -> client.getCall(".")).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void blankIdFailsBeforeAnyRequest() {
        assertThatThrownBy(() -> client.getCall(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.getCall(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.getCallAsync("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void asyncRetriesWithoutBlockingAndSucceeds() throws Exception {
        server.enqueue(json(503, "{\"success\":false,\"message\":\"busy\"}"));
        server.enqueue(json(200, CALL));

        assertThat(client.getCallAsync("c1").get(10, TimeUnit.SECONDS).id()).isEqualTo("c1");
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void asyncFailureIsTheTypedExceptionOfTheLastAttempt() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(500, "{\"success\":false,\"message\":\"Internal server error\"}"));
        }

        Throwable e = failure(CompletionException.class, () -> client.getCallAsync("c1").join());

        assertThat(e.getCause()).isInstanceOf(ServerException.class).hasMessage("HTTP 500: Internal server error");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void serverEchoingTheKeyIsScrubbed() {
        try (VoxworksClient once = client(0)) {
            server.enqueue(json(400, "{\"success\":false,\"message\":\"bad key " + KEY + "\"}"));

            ApiException e = failure(ApiException.class, () -> once.getCall("c1"));

            assertThat(e.getMessage()).doesNotContain(KEY).contains("bad key vx_test_…t_42");
            assertThat(e.serverMessage()).doesNotContain(KEY);
        }
    }

    @Test
    void anEchoedKeyIsScrubbedHoweverShortItIs() {
        try (VoxworksClient shortKey = VoxworksClient.builder().apiKey("k3y").baseUrl(server.url("/").toString())
                .maxRetries(0).build()) {
            server.enqueue(json(400, "{\"success\":false,\"message\":\"bad key K3Y\"}"));

            ApiException e = failure(ApiException.class, () -> shortKey.getCall("c1"));

            assertThat(e.getMessage()).isEqualTo("HTTP 400: bad key …");
            assertThat(e.serverMessage()).isEqualTo("bad key …");
        }
    }

    @Test
    void callResponseKeepsRepeatedHeadersInOrderAndMasksAnEchoedKey() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("X-Seen", "first").addHeader("x-seen", "second")
                .addHeader("X-Echo", "Bearer " + KEY).body(CALL).build());

        CallResponse response = client.getCallResponse("c1");

        assertThat(response.headers().get("X-SEEN")).containsExactly("first", "second");
        assertThat(response.header("x-seen")).contains("first");
        assertThat(response.header("X-Echo")).contains("Bearer vx_test_…t_42");
        assertThat(response.rateLimit()).isEmpty();
        assertThat(response.toString()).doesNotContain(KEY).contains("rateLimit=(none)");
    }

    @Test
    void toStringShowsTheMaskedKeyOnly() {
        assertThat(client.toString()).doesNotContain(KEY).contains("vx_test_…t_42");
    }

    @Test
    void fromEnvNeedsTheKeyAndDefaultsToProduction() {
        assertThatThrownBy(() -> VoxworksClient.fromEnv(Map.<String, String>of()::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VOXWORKS_API_KEY is not set");
        try (VoxworksClient prod = VoxworksClient.fromEnv(Map.of("VOXWORKS_API_KEY", KEY)::get);
             VoxworksClient local = VoxworksClient.fromEnv(
                     Map.of("VOXWORKS_API_KEY", KEY, "VOXWORKS_BASE_URL", "http://127.0.0.1:4010")::get)) {
            assertThat(prod.baseUrl()).isEqualTo("https://api.voxworks.ai");
            assertThat(local.baseUrl()).isEqualTo("http://127.0.0.1:4010");
        }
    }

    @Test
    void builderRejectsBadSettingsWithoutRepeatingTheKey() {
        assertThatThrownBy(() -> VoxworksClient.builder().build()).hasMessage("apiKey is required");
        assertThatThrownBy(() -> VoxworksClient.builder().apiKey("  ")).hasMessage("apiKey must not be null or blank");
        assertThatThrownBy(() -> VoxworksClient.builder().apiKey(KEY + " x"))
                .hasMessage("apiKey must be printable ASCII without spaces");
        assertThatThrownBy(() -> VoxworksClient.builder().baseUrl("ftp://x")).hasMessageContaining("not an http or https URL");
        assertThatThrownBy(() -> VoxworksClient.builder().maxRetries(-1)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> VoxworksClient.builder().maxResponseSize(3L << 30))
                .hasMessage("maxResponseSize must be from 1 to 2147483639 bytes, not 3221225472");
        assertThat(VoxworksClient.builder().apiKey(KEY).toString()).doesNotContain(KEY);
    }

    @Test
    void aRedirectIsAnErrorNamingWhereItPointsAndTheKeyGoesNowhereElse() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            elsewhere.enqueue(json(200, CALL));
            String location = elsewhere.url("/api/v1/get-call/c1").toString();
            server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", location).build());

            ApiException e = failure(ApiException.class, () -> client.getCall("c1"));

            assertThat(e.status()).isEqualTo(302);
            assertThat(e.getMessage()).startsWith("HTTP 302: redirected to " + location)
                    .contains("followRedirects(true)");
            assertThat(elsewhere.getRequestCount()).isZero();
            assertThat(server.getRequestCount()).as("a redirect is not retried").isEqualTo(1);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {300, 301, 303, 307, 308})
    void everyRedirectStatusIsAnErrorEvenOneThatEchoesTheKeyOrNamesNoLocation(int status) {
        server.enqueue(new MockResponse.Builder().code(status)
                .addHeader("Location", "https://evil.example/steal?k=" + KEY.toUpperCase(java.util.Locale.ROOT)).build());
        server.enqueue(new MockResponse.Builder().code(status).build());

        ApiException echoed = failure(ApiException.class, () -> client.getCall("c1"));
        ApiException nowhere = failure(ApiException.class, () -> client.getCall("c1"));

        assertThat(echoed.status()).isEqualTo(status);
        assertThat(echoed.getMessage()).startsWith("HTTP " + status + ": redirected to https://evil.example/steal?k=")
                .doesNotContainIgnoringCase(KEY);
        assertThat(nowhere.getMessage()).startsWith("HTTP " + status + ": redirected to (no Location)");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void followingRedirectsIsOptInAndDropsTheKeyOnTheWayToAnotherHost() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start(java.net.InetAddress.getByName("localhost"), 0);
            elsewhere.enqueue(json(200, CALL));
            server.enqueue(new MockResponse.Builder().code(307)
                    .addHeader("Location", "http://localhost:" + elsewhere.getPort() + "/api/v1/get-call/c1").build());

            try (VoxworksClient following = client.newBuilder().followRedirects(true).build()) {
                assertThat(following.getCall("c1").id()).isEqualTo("c1");
            }
            assertThat(elsewhere.takeRequest().getHeaders().get("Authorization")).isNull();
        }
    }

    @Test
    void aBodyLargerThanTheCapIsRefusedWhetherItsLengthIsAnnouncedOrNot() {
        String big = "{\"success\":true,\"call\":{\"id\":\"c1\",\"transcript\":\"" + "x".repeat(4000) + "\"}}";
        server.enqueue(json(200, big));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .chunkedBody(big, 512).build());

        try (VoxworksClient capped = client.newBuilder().maxResponseSize(1000).build()) {
            for (int i = 0; i < 2; i++) {
                UnexpectedResponseException e = failure(UnexpectedResponseException.class, () -> capped.getCall("c1"));
                assertThat(e.getMessage()).isEqualTo("HTTP 200: the body is larger than the 1000 bytes the client accepts "
                        + "(VoxworksClient.Builder.maxResponseSize)");
            }
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
