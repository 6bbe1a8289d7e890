package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.BLUEBIRD_KEY;
import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static ai.voxworks.mock.testing.DemoData.NORTHWIND_SECOND_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.mock.testing.RedisServer;
import ai.voxworks.mock.testing.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas of the mock, one real Redis: every replica started with the same store, limit and
 * scope counts in one set of buckets per key (or team), exactly, with the same fields.
 */
class SharedRateLimitTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RedisServer redis;
    private final List<MockServer> replicas = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void emptyRedis() throws Exception {
        assertThat(redis.command("FLUSHALL")).isEqualTo("+OK");
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(MockServer::close);
    }

    /** A replica on a free port, sharing the test's Redis. */
    private TestHttp replica(String limit, UnaryOperator<MockServerConfig.Builder> more) {
        MockServer server = MockServer.start(more.apply(MockServerConfig.builder().port(0)
                .rateLimit(RateLimit.parse(limit)).rateLimitStore(redis.store())).build());
        replicas.add(server);
        return new TestHttp(server.baseUrl());
    }

    private TestHttp replica(String limit) {
        return replica(limit, b -> b);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"40/10m|40", "1000/1s,30/10m|30"})
    void sixtyFourClientsOverTwoReplicasGetExactlyTheTightestLimitThrough(String limit, long through) throws Exception {
        List<TestHttp> both = List.of(replica(limit), replica(limit));

        List<Integer> statuses = RateLimitWindowsTest.hammer(both, List.of(NORTHWIND_KEY), 64, 2);

        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(through);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(64 * 2 - through);
    }

    @Test
    void everyConcurrentRequestIsToldItsOwnRemainingCount() throws Exception {
        List<TestHttp> both = List.of(replica("100/10m,1000/1h"), replica("100/10m,1000/1h"));

        List<HttpResponse<String>> responses = RateLimitWindowsTest.hammerResponses(both, List.of(NORTHWIND_KEY), 64, 1);

        // Served one by one or gathered into one Redis round trip, each request counts once, as if alone.
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(responses.stream().map(r -> Long.parseLong(header(r, "X-RateLimit-Remaining"))))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(36, 99).boxed().toList());
        assertThat(responses.stream().map(r -> header(r, "X-RateLimit-Limit")).distinct()).containsExactly("100");
    }

    @Test
    void teamScopeHoldsAcrossReplicasWithOneKeyOfTheTeamOnEach() throws Exception {
        UnaryOperator<MockServerConfig.Builder> team = b -> b.rateLimitScope(RateLimit.Scope.TEAM);
        TestHttp a = replica("30/10m", team);
        TestHttp b = replica("30/10m", team);

        // Client t asks replica t % 2 with key t % 2: the first key on one replica, the second on the other.
        List<Integer> statuses = RateLimitWindowsTest.hammer(List.of(a, b), List.of(NORTHWIND_KEY, NORTHWIND_SECOND_KEY), 64, 2);

        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(30);
        assertThat(a.getCall("call_nw_1001", NORTHWIND_SECOND_KEY).statusCode()).isEqualTo(429);
        HttpResponse<String> otherTeam = b.getCall("call_bb_2001", BLUEBIRD_KEY);
        assertThat(otherTeam.statusCode()).isEqualTo(200);
        assertThat(header(otherTeam, "X-RateLimit-Remaining")).isEqualTo("29");
    }

    @Test
    void rateLimitFieldsAndRetryAfterAgreeAcrossReplicas() {
        TestHttp a = replica("5/1m", b -> b.rateLimitHeaders(RateLimit.HeaderStyle.BOTH));
        TestHttp b = replica("5/1m", c -> c.rateLimitHeaders(RateLimit.HeaderStyle.BOTH));

        for (int i = 0; i < 3; i++) {
            assertThat(a.getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> fourth = b.getCall("call_nw_1001", NORTHWIND_KEY);
        HttpResponse<String> fifth = a.getCall("call_nw_1001", NORTHWIND_KEY);
        HttpResponse<String> refusedByB = b.getCall("call_nw_1001", NORTHWIND_KEY);
        HttpResponse<String> refusedByA = a.getCall("call_nw_1001", NORTHWIND_KEY);

        assertThat(header(fourth, "X-RateLimit-Limit")).isEqualTo("5");
        assertThat(header(fourth, "X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(Long.parseLong(header(fourth, "X-RateLimit-Reset"))).isBetween(58L, 60L);
        assertThat(header(fourth, "RateLimit")).isEqualTo("\"60s\";r=1;t=" + header(fourth, "X-RateLimit-Reset"));
        assertThat(header(fifth, "X-RateLimit-Remaining")).isEqualTo("0");
        for (HttpResponse<String> refused : List.of(refusedByB, refusedByA)) {
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(header(refused, "X-RateLimit-Remaining")).isEqualTo("0");
            // The true wait until the window starts again, the same from either replica.
            assertThat(Long.parseLong(header(refused, "Retry-After"))).isBetween(58L, 60L)
                    .isEqualTo(Long.parseLong(header(refused, "X-RateLimit-Reset")));
        }
        assertThat(Long.parseLong(header(refusedByA, "Retry-After")))
                .isCloseTo(Long.parseLong(header(refusedByB, "Retry-After")), org.assertj.core.data.Offset.offset(1L));
    }

    @Test
    void replicasWithAnotherLimitOrScopeKeepTheirOwnBuckets() {
        TestHttp five = replica("5/1m");
        TestHttp ten = replica("10/1m");
        TestHttp fivePerTeam = replica("5/1m", b -> b.rateLimitScope(RateLimit.Scope.TEAM));

        five.getCall("call_nw_1001", NORTHWIND_KEY);
        five.getCall("call_nw_1001", NORTHWIND_KEY);

        assertThat(header(ten.getCall("call_nw_1001", NORTHWIND_KEY), "X-RateLimit-Remaining")).isEqualTo("9");
        assertThat(header(fivePerTeam.getCall("call_nw_1001", NORTHWIND_KEY), "X-RateLimit-Remaining")).isEqualTo("4");
        assertThat(header(five.getCall("call_nw_1001", NORTHWIND_KEY), "X-RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void redisKeysNameTheLimitAndScopeButNeverAnApiKey() throws Exception {
        TestHttp a = replica("5/1m,100/1h");
        a.getCall("call_nw_1001", NORTHWIND_KEY);
        a.getCall("call_bb_2001", BLUEBIRD_KEY);

        List<String> keys = redis.keys("*");

        assertThat(keys).hasSize(2).allSatisfy(key -> {
            assertThat(key).matches("voxworks-mock:rate-limit:v1:key:5/60s,100/1h:[0-9a-f]{64}");
            assertThat(key).doesNotContain("vx_test");
        });
        assertThat(Long.parseLong(redis.command("PTTL", keys.get(0)).substring(1))).isPositive();
    }

    @Test
    void dataChangesAreRefusedWithJsonThatSaysWhy() {
        TestHttp a = replica("5/1m");
        String call = "{\"id\":\"call_nw_9001\",\"team_id\":\"team_northwind\",\"status\":\"queued\"}";

        HttpResponse<String> put = a.sendBody("PUT", "/__mock/calls/call_nw_9001", call, "Content-Type", "application/json");
        HttpResponse<String> delete = a.sendBody("DELETE", "/__mock/calls/call_nw_1001", null, "Content-Type", "application/json");

        for (HttpResponse<String> refused : List.of(put, delete)) {
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode body = JSON.readTree(refused.body());
            assertThat(body.get("success").asBoolean()).isFalse();
            assertThat(body.get("message").asString()).contains("shares its rate limits with other replicas", redis.url(),
                    "would reach this replica only", "fixtures directory");
        }
        assertThat(a.getCall("call_nw_9001", NORTHWIND_KEY).statusCode()).isEqualTo(404);
        assertThat(a.getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> replicas.get(0).putCall(call)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("would reach this replica only");
        assertThatThrownBy(() -> replicas.get(0).removeCall("call_nw_1001")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void resetOnOneReplicaRefillsTheSharedBucketsForBoth() {
        TestHttp a = replica("2/10m");
        TestHttp b = replica("2/10m");
        a.getCall("call_nw_1001", NORTHWIND_KEY);
        a.getCall("call_nw_1001", NORTHWIND_KEY);
        assertThat(b.getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(429);

        HttpResponse<String> reset = b.sendBody("POST", "/__mock/reset", "{}", "Content-Type", "application/json");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reset.body()).get("note").asString()).contains("refilled for every replica sharing " + redis.url(),
                "data not reloaded");
        HttpResponse<String> after = a.getCall("call_nw_1001", NORTHWIND_KEY);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(header(after, "X-RateLimit-Remaining")).isEqualTo("1");
    }

    @Test
    void healthNamesTheStoreAndSaysItAnswers() {
        TestHttp a = replica("5/1m");

        JsonNode health = JSON.readTree(a.get("/__mock/health").body());

        assertThat(health.get("status").asString()).isEqualTo("ok");
        JsonNode store = health.get("rate_limit_store");
        assertThat(store.get("url").asString()).isEqualTo(redis.url());
        assertThat(store.get("shared").asBoolean()).isTrue();
        assertThat(store.get("reachable").asBoolean()).isTrue();
        assertThat(store.has("warning")).isFalse();
    }

    @Test
    void timelinesDoNotRunOnReplicasSoEveryReplicaAnswersAMovingCallsLastStage() {
        TestHttp a = replica("60/1m");
        TestHttp b = replica("60/1m");

        for (TestHttp replica : List.of(a, b, a)) {
            JsonNode call = JSON.readTree(replica.getCall("call_nw_1007", NORTHWIND_KEY).body()).get("call");
            assertThat(call.get("status").asString()).isEqualTo("completed");
        }
        HttpResponse<String> moved = a.sendBody("POST", "/__mock/calls/call_nw_1007/timeline", "{\"stage\": 1}",
                "Content-Type", "application/json");
        assertThat(moved.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(moved.body()).get("message").asString())
                .contains("Timelines do not run on replicas: each moving call answers its last stage");
        assertThat(a.sendBody("POST", "/__mock/advance", "{\"by\": \"1m\"}", "Content-Type", "application/json").statusCode())
                .isEqualTo(409);
        assertThatThrownBy(() -> replicas.get(1).advance(Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class);
        JsonNode timelines = JSON.readTree(b.get("/__mock/health").body()).get("timelines");
        assertThat(timelines.get("running").asBoolean()).isFalse();
        assertThat(timelines.get("note").asString()).contains("each moving call answers its last stage");
        JsonNode state = JSON.readTree(b.get("/__mock/calls/call_nw_1008/timeline").body());
        assertThat(state.get("stage").asInt()).isEqualTo(3);
        assertThat(state.get("running").asBoolean()).isFalse();
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " in " + response.headers()));
    }
}
