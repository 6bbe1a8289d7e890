package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static ai.voxworks.mock.testing.DemoData.NORTHWIND_SECOND_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.voxworks.mock.testing.ManualClock;
import ai.voxworks.mock.testing.RedisServer;
import ai.voxworks.mock.testing.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared store's faults: unreachable at startup (the server does not start), lost while
 * serving (each replica counts with its own buckets, fail-open but within the limit, and says so in
 * its health), and back (sharing resumes without a restart). No request waits much more than a second on Redis.
 */
class RedisStoreFaultTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        // Replicas first, then their Redis.
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private MockServer replica(RedisServer redis, String limit) {
        MockServer server = MockServer.start(MockServerConfig.builder().port(0).rateLimit(RateLimit.parse(limit))
                .rateLimitStore(redis.store()).build());
        started.add(server);
        return server;
    }

    private RedisServer redis() {
        RedisServer redis = RedisServer.start();
        started.add(redis);
        return redis;
    }

    @Test
    void anUnreachableStoreStopsStartNamingItsUrl() {
        String url = "redis://127.0.0.1:" + RedisServer.freePort();
        MockServerConfig config = MockServerConfig.builder().port(0).rateLimitStore(RateLimitStore.parse(url)).build();
        long start = System.nanoTime();

        assertThatThrownBy(() -> MockServer.start(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot reach the rate-limit store " + url + ": ")
                .hasMessageContaining("refused");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
    }

    @Test
    void redisStoppedUnderLoadFailsOpenToEachReplicasOwnBucketsThenSharingResumes() throws Exception {
        RedisServer redis = redis();
        TestHttp a = new TestHttp(replica(redis, "20/10m").baseUrl());
        TestHttp b = new TestHttp(replica(redis, "20/10m").baseUrl());

        try (Load load = Load.start(List.of(a, b), NORTHWIND_KEY, 8)) {
            Thread.sleep(300);
            redis.stop();
            await().atMost(Duration.ofSeconds(15)).until(() -> !reachable(a) && !reachable(b));
            JsonNode health = JSON.readTree(a.get("/__mock/health").body());
            int servedBefore = load.count();

            // Fail-open: each replica counts alone, the limit still holds per replica.
            assertThat(health.get("status").asString()).isEqualTo("degraded");
            assertThat(health.get("rate_limit_store").get("warning").asString())
                    .contains(redis.url() + " does not answer", "each replica counts with its own buckets");
            for (TestHttp replica : List.of(a, b)) {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 21; i++) {
                    statuses.add(replica.getCall("call_nw_1001", NORTHWIND_SECOND_KEY).statusCode());
                }
                assertThat(statuses).containsOnly(200, 429).endsWith(429);
                assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(20);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> load.count() > servedBefore + 20);

            redis.startAgain();
            await().atMost(Duration.ofSeconds(15)).until(() -> reachable(a) && reachable(b));
            Thread.sleep(200);
            load.stop();

            assertThat(load.statuses()).containsOnly(200, 429);
            assertThat(load.slowestMillis()).isLessThan(1_500);
        }

        // Sharing is back, no restart: one set of buckets again for both replicas (the restarted Redis is
        // empty, and the key's local buckets of the outage are forgotten).
        List<Integer> statuses = RateLimitWindowsTest.hammer(List.of(a, b), List.of(NORTHWIND_SECOND_KEY), 64, 1);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(20);
        assertThat(JSON.readTree(a.get("/__mock/health").body()).get("status").asString()).isEqualTo("ok");
    }

    @Test
    void redisKilledUnderABurstLetsNoReplicaThroughMoreThanTheLimitInTheWindow() throws Exception {
        RedisServer redis = redis();
        List<TestHttp> replicas = List.of(new TestHttp(replica(redis, "20/10m").baseUrl()),
                new TestHttp(replica(redis, "20/10m").baseUrl()));
        int[] before = {6, 4};
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < before[r]; i++) {
                assertThat(replicas.get(r).getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(200);
            }
        }

        try (Load burst = Load.start(replicas, NORTHWIND_KEY, 8)) {
            redis.stop();
            await().atMost(Duration.ofSeconds(15)).until(() -> !reachable(replicas.get(0)) && !reachable(replicas.get(1)));
            long[] answered = {burst.answered(0), burst.answered(1)};
            await().atMost(Duration.ofSeconds(15)).until(() -> burst.answered(0) > answered[0] + 50
                    && burst.answered(1) > answered[1] + 50);
            burst.stop();

            // Each replica: its own 6 or 4, plus what the burst got through Redis and then alone, within the 20.
            for (int r = 0; r < 2; r++) {
                assertThat(before[r] + burst.passed(r)).as("requests replica %d let through in the window", r)
                        .isLessThanOrEqualTo(20);
            }
            // Fail-open still lets traffic through: together they passed at least the shared window's 20.
            assertThat(before[0] + before[1] + burst.passed(0) + burst.passed(1)).isGreaterThanOrEqualTo(20);
            assertThat(burst.statuses()).containsOnly(200, 429);
        }
    }

    @Test
    void aReplicaCountsOnAloneFromWhatItLastSawLeftUntilTheWindowEnds() throws Exception {
        RedisServer redis = redis();
        ManualClock clock = new ManualClock();
        MockServer server = MockServer.start(MockServerConfig.builder().port(0).rateLimit(RateLimit.parse("5/1m"))
                .rateLimitStore(redis.store()).build(), clock);
        started.add(server);
        TestHttp http = new TestHttp(server.baseUrl());
        for (int i = 0; i < 5; i++) {
            http.getCall("call_nw_1001", NORTHWIND_SECOND_KEY);
        }
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 3; i++) {
            http.getCall("call_nw_1001", NORTHWIND_KEY);
        }

        redis.stop();
        await().atMost(Duration.ofSeconds(15)).until(() -> !reachable(http));

        // The first key's window is still under way as far as this replica knows: 2 were left, then 429s.
        // The second key used up a window that has ended since: a full one.
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            first.add(http.getCall("call_nw_1001", NORTHWIND_KEY).statusCode());
            second.add(http.getCall("call_nw_1001", NORTHWIND_SECOND_KEY).statusCode());
        }
        assertThat(first).containsExactly(200, 200, 429, 429, 429, 429);
        assertThat(second).containsExactly(200, 200, 200, 200, 200, 429);
    }

    @Test
    void aHungRedisHoldsNoRequestMuchOverASecond() throws Exception {
        RedisServer redis = redis();
        TestHttp a = new TestHttp(replica(redis, "1000/10m").baseUrl());
        TestHttp b = new TestHttp(replica(redis, "1000/10m").baseUrl());
        assertThat(a.getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(200);

        redis.pause();
        try (Load load = Load.start(List.of(a, b), NORTHWIND_KEY, 4)) {
            long start = System.nanoTime();
            JsonNode health = JSON.readTree(a.get("/__mock/health").body());
            long healthMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            await().atMost(Duration.ofSeconds(15)).until(() -> load.count() > 40);
            redis.resume();
            load.stop();

            assertThat(health.get("rate_limit_store").get("reachable").asBoolean()).isFalse();
            assertThat(healthMillis).isLessThan(1_500);
            assertThat(load.statuses()).containsOnly(200);
            assertThat(load.slowestMillis()).isLessThan(1_500);
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> reachable(a) && reachable(b));
        // Counting in Redis again: what one replica takes, the other sees (after the 1 s pause that followed the failure).
        // A key the load did not use: local buckets would each start it full, so only shared ones count down across both.
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            long before = remaining(a.getCall("call_nw_1002", NORTHWIND_SECOND_KEY));
            return remaining(b.getCall("call_nw_1002", NORTHWIND_SECOND_KEY)) == before - 1;
        });
    }

    private static boolean reachable(TestHttp replica) {
        return JSON.readTree(replica.get("/__mock/health").body()).get("rate_limit_store").get("reachable").asBoolean();
    }

    private static long remaining(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
    }


    /** Clients on each replica, as fast as they answer, until stopped (at most 30 s), counted per replica. */
    /**
     * Clients asking the replicas in turn (client {@code t} asks replica {@code t % replicas}), as fast as
     * they answer, until stopped (at most 30 s); each answer kept with its replica, status and time.
     */
    private static final class Load implements AutoCloseable {
        private record Answer(int replica, int status, int millis) {
        }

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        private final List<Thread> threads = new ArrayList<>();

        static Load start(List<TestHttp> replicas, String key, int clients) {
            Load load = new Load();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (int t = 0; t < clients; t++) {
                int replica = t % replicas.size();
                TestHttp http = replicas.get(replica);
                Thread thread = new Thread(() -> {
                    while (load.running.get() && System.nanoTime() < end) {
                        long start = System.nanoTime();
                        int status = http.getCall("call_nw_1001", key).statusCode();
                        load.answers.add(new Answer(replica, status, (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
                    }
                }, "load-" + t);
                thread.start();
                load.threads.add(thread);
            }
            return load;
        }

        int count() {
            return answers.size();
        }

        /** How many requests {@code replica} has answered. */
        long answered(int replica) {
            return answers.stream().filter(a -> a.replica() == replica).count();
        }

        /** How many requests {@code replica} let through (200). */
        long passed(int replica) {
            return answers.stream().filter(a -> a.replica() == replica && a.status() == 200).count();
        }

        List<Integer> statuses() {
            return answers.stream().map(Answer::status).distinct().toList();
        }

        int slowestMillis() {
            return answers.stream().mapToInt(Answer::millis).max().orElse(0);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }

        @Override
        public void close() {
            try {
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
