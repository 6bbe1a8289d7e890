package ai.voxworks.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.voxworks.client.AuthenticationException;
import ai.voxworks.client.Call;
import ai.voxworks.client.CallResponse;
import ai.voxworks.client.NotFoundException;
import ai.voxworks.client.RateLimitException;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.client.VoxworksException;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The client against the real mock server, over HTTP on loopback. */
class ClientAgainstMockTest {

    static final String NORTHWIND_KEY = "vx_test_northwind_primary_7f3a9c";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MockServer mock;
    private static VoxworksClient client;

    @BeforeAll
    static void start() {
        mock = MockServer.start(MockServerConfig.builder().port(0).rateLimit(RateLimit.off()).build());
        client = VoxworksClient.builder().apiKey(NORTHWIND_KEY).baseUrl(mock.baseUrl()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        mock.close();
    }

    /** A mock of its own, allowing {@code requests} per {@code window}. */
    private static MockServer limitedMock(int requests, Duration window) {
        return MockServer.start(MockServerConfig.builder().port(0).rateLimit(RateLimit.of(requests, window)).build());
    }

    private static String fixture(String id) throws Exception {
        return Files.readString(Path.of(System.getProperty("voxworks.fixtures.dir"), "calls", id + ".json"));
    }

    @Test
    void getCallReturnsTheFixtureTyped() throws Exception {
        Call call = client.getCall("call_nw_1001");

        assertThat(JSON.readTree(call.json())).isEqualTo(JSON.readTree(fixture("call_nw_1001")));
        assertThat(call.id()).isEqualTo("call_nw_1001");
        assertThat(call.teamId()).isEqualTo("team_northwind");
        assertThat(call.status()).isEqualTo("completed");
        assertThat(call.duration()).isEqualTo(204L);
        assertThat(call.endTime()).isEqualTo(OffsetDateTime.of(2026, 11, 20, 14, 3, 31, 0, ZoneOffset.UTC));
        assertThat(call.structuredData()).containsEntry("appointment_confirmed", true).containsEntry("reminder_channel", "sms");
        assertThat(call.objectives()).hasSize(3).first().isEqualTo(Map.of("name", "confirm_appointment", "achieved", true));
        assertThat(call.extra()).isEmpty();
    }

    @Test
    void nullableFieldsStayNull() {
        Call scheduled = client.getCall("call_nw_1002");

        assertThat(scheduled.scheduledTime()).isNotNull();
        assertThat(scheduled.actualTime()).isNull();
        assertThat(scheduled.endTime()).isNull();
        assertThat(scheduled.duration()).isNull();
        assertThat(scheduled.structuredData()).isNull();
        assertThat(scheduled.objectives()).isNull();
    }

    @Test
    void undocumentedFieldsAreKeptAndReadable() {
        try (VoxworksClient bluebird = client.newBuilder().apiKey("vx_test_bluebird_5d0c6a").build()) {
            Call call = bluebird.getCall("call_bb_2001");

            assertThat(call.extra()).containsEntry("language", "en-US")
                    .containsEntry("cost", Map.of("amount", "0.84", "currency", "USD"))
                    .containsEntry("tags", List.of("hot-lead", "riverside"))
                    .containsEntry("agent_version", "2026.11.2");
        }
    }

    @Test
    void nonAsciiTextArrivesIntact() {
        assertThat(client.getCall("call_nw_1006").transcript()).contains("Muñoz", "Köln", "😊", "谢谢");
    }

    @Test
    void unknownKeyIsAnAuthenticationExceptionWithoutTheKey() {
        String wrongKey = "vx_test_wrong_key_0123456789";
        try (VoxworksClient wrong = client.newBuilder().apiKey(wrongKey).build()) {
            assertThatThrownBy(() -> wrong.getCall("call_nw_1001"))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessage("HTTP 401: Invalid API key")
                    .satisfies(e -> assertThat(((VoxworksException) e).serverMessage()).isEqualTo("Invalid API key"));
            assertThat(wrong.toString()).doesNotContain(wrongKey).contains("apiKey=vx_test_…6789");
        }
    }

    @Test
    void foreignAndUnknownCallsAreNotFound() {
        assertThatThrownBy(() -> client.getCall("call_bb_2001"))
                .isInstanceOf(NotFoundException.class).hasMessage("HTTP 404: Call not found");
        assertThatThrownBy(() -> client.getCall("call_that_does_not_exist"))
                .isInstanceOf(NotFoundException.class).hasMessage("HTTP 404: Call not found");
    }

    @Test
    void idsWithReservedCharactersStayOneSegment() {
        for (String id : List.of("a/b", "../call_nw_1001", "call nw", "ü?#", "%2F")) {
            assertThatThrownBy(() -> client.getCall(id)).as(id).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void rateLimitedCallCarriesRetryAfterLimitAndRemaining() {
        try (MockServer limited = limitedMock(1, Duration.ofSeconds(45));
             VoxworksClient once = client.newBuilder().baseUrl(limited.baseUrl()).maxRetries(0).build()) {
            assertThat(once.getCallResponse("call_nw_1001").rateLimit()).hasValueSatisfying(status -> {
                assertThat(status.limit()).isEqualTo(1);
                assertThat(status.remaining()).isZero();
                assertThat(status.exhausted()).isTrue();
                assertThat(status.reset()).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(1));
            });

            assertThatThrownBy(() -> once.getCall("call_nw_1001"))
                    .isInstanceOfSatisfying(RateLimitException.class, e -> {
                        assertThat(e.status()).isEqualTo(429);
                        assertThat(e.retryAfter()).hasValueSatisfying(d ->
                                assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(45)));
                        assertThat(e.limit()).hasValue(1);
                        assertThat(e.remaining()).hasValue(0);
                    });
        }
    }

    @Test
    void retryAfterLongerThanTheCapFailsAtOnce() {
        try (MockServer limited = limitedMock(1, Duration.ofMinutes(10));
             VoxworksClient capped = client.newBuilder().baseUrl(limited.baseUrl()).maxRetries(3)
                     .maxRetryWait(Duration.ofSeconds(5)).build()) {
            capped.getCall("call_nw_1001");

            // A wait would be of about ten minutes: failing within seconds means none was made.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                    assertThatThrownBy(() -> capped.getCall("call_nw_1001")).isInstanceOf(RateLimitException.class));
        }
    }

    @Test
    void eachResponseCarriesItsOwnRateLimitStatus() {
        try (MockServer limited = limitedMock(5, Duration.ofMinutes(1));
             VoxworksClient counted = client.newBuilder().baseUrl(limited.baseUrl()).build()) {
            CallResponse first = counted.getCallResponse("call_nw_1001");
            CallResponse second = counted.getCallResponse("call_nw_1002");

            assertThat(first.rateLimit().map(s -> s.limit() + "/" + s.remaining())).hasValue("5/4");
            assertThat(second.rateLimit().map(s -> s.limit() + "/" + s.remaining())).hasValue("5/3");
            assertThat(first.call().id()).isEqualTo("call_nw_1001");
            assertThat(first.status()).isEqualTo(200);
        }
    }

    @Test
    void concurrentCallsEachSeeTheirOwnRemainingCount() throws Exception {
        int calls = 8;
        try (MockServer limited = limitedMock(100, Duration.ofMinutes(1));
             VoxworksClient shared = client.newBuilder().baseUrl(limited.baseUrl()).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(calls);
            try {
                CyclicBarrier together = new CyclicBarrier(calls);
                List<Future<CallResponse>> responses = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    responses.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return shared.getCallResponse("call_nw_1001");
                    }));
                }
                Set<Long> remaining = new HashSet<>();
                for (Future<CallResponse> response : responses) {
                    remaining.add(response.get(10, TimeUnit.SECONDS).rateLimit().orElseThrow().remaining());
                }

                // The server counted each request once: every response saw a different count.
                assertThat(remaining).containsExactlyInAnyOrder(99L, 98L, 97L, 96L, 95L, 94L, 93L, 92L);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void callResponseHasTheResponseHeadersOnlyAndNoKey() {
        try (MockServer limited = limitedMock(5, Duration.ofMinutes(1));
             VoxworksClient counted = client.newBuilder().baseUrl(limited.baseUrl()).build()) {
            CallResponse response = counted.getCallResponse("call_nw_1001");

            assertThat(response.header("x-ratelimit-limit")).contains("5");
            assertThat(response.header("X-RATELIMIT-REMAINING")).contains("4");
            assertThat(response.headers().get("content-type")).singleElement().asString().startsWith("application/json");
            assertThat(response.header("Authorization")).isEmpty();
            assertThat(response.headers().toString()).doesNotContain(NORTHWIND_KEY);
            assertThat(response.toString()).doesNotContain(NORTHWIND_KEY)
                    .startsWith("CallResponse[status=200, call=call_nw_1001, rateLimit=RateLimitStatus[policy=null, limit=5, remaining=4, reset=PT");
            assertThatThrownBy(() -> response.headers().put("X-Mine", List.of("x")))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> response.headers().get("X-RateLimit-Limit").add("6"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void callCollectionsAreUnmodifiableAllTheWayDown() {
        Call call = client.getCall("call_nw_1001");

        assertThatThrownBy(() -> call.structuredData().put("appointment_confirmed", false))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> call.objectives().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> call.objectives().get(0).put("achieved", false))
                .isInstanceOf(UnsupportedOperationException.class);
        try (VoxworksClient bluebird = client.newBuilder().apiKey("vx_test_bluebird_5d0c6a").build()) {
            Map<String, Object> extra = bluebird.getCall("call_bb_2001").extra();

            assertThatThrownBy(() -> extra.remove("language")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> ((Map<String, Object>) extra.get("cost")).put("amount", "0"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> ((List<Object>) extra.get("tags")).add("cold-lead"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void asyncGetCallCompletesWithTheCall() throws Exception {
        Call call = client.getCallAsync("call_nw_1003").get(10, TimeUnit.SECONDS);

        assertThat(call.status()).isEqualTo("in-progress");
        assertThat(call.progress()).isEqualTo("collecting_insurance_details");
    }

    @Test
    void asyncNotFoundFailsTheFutureWithTheTypedException() {
        assertThatThrownBy(() -> client.getCallAsync("call_bb_2002").join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NotFoundException.class);
    }
}
