package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.BLUEBIRD_KEY;
import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static ai.voxworks.mock.testing.DemoData.NORTHWIND_SECOND_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.mock.testing.ManualClock;
import ai.voxworks.mock.testing.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Several windows at once, and one set of windows per team: exact, and described by the tightest window. */
class RateLimitWindowsTest {

    private static MockServer start(String limit, RateLimit.Scope scope, ManualClock clock) {
        MockServerConfig config = MockServerConfig.builder().port(0).rateLimit(RateLimit.parse(limit)).rateLimitScope(scope).build();
        return clock == null ? MockServer.start(config) : MockServer.start(config, clock);
    }

    @Test
    void severalWindowsParseWithNamesAndDays() {
        RateLimit limit = RateLimit.parse("10/1s, 60/60s ,1000/1d");

        assertThat(limit.windows()).extracting(RateLimit.Window::name).containsExactly("1s", "60s", "1d");
        assertThat(limit.windows()).extracting(RateLimit.Window::seconds).containsExactly(1L, 60L, 86_400L);
        assertThat(limit.toString()).isEqualTo("10/1s,60/60s,1000/1d");
        assertThat(RateLimit.parse("burst=10/1s,sustained=60/60s").toString()).isEqualTo("burst=10/1s,sustained=60/60s");
        assertThat(RateLimit.parse(limit.toString())).isEqualTo(limit);
        assertThat(limit.shortest().name()).isEqualTo("1s");
        assertThatThrownBy(() -> RateLimit.parse("10/1s,20/1s")).hasMessageContaining("two rate-limit windows are named '1s'");
        assertThatThrownBy(() -> RateLimit.parse("10/1s,")).hasMessageContaining("is not a rate limit");
        assertThatThrownBy(() -> RateLimit.parse("a b=10/1s")).hasMessageContaining("cannot name a window");
    }

    @Test
    void everyRequestCountsInEveryWindowAndRetryAfterIsTheWaitUntilAllPass() {
        ManualClock clock = new ManualClock();
        try (MockServer server = start("2/10s,3/60s", RateLimit.Scope.KEY, clock)) {
            TestHttp http = new TestHttp(server.baseUrl());
            assertThat(status(http.getCall("call_nw_1001", NORTHWIND_KEY))).isEqualTo(200);
            assertThat(status(http.getCall("call_nw_1001", NORTHWIND_KEY))).isEqualTo(200);

            HttpResponse<String> burst = http.getCall("call_nw_1001", NORTHWIND_KEY);
            assertThat(burst.statusCode()).isEqualTo(429);
            assertThat(header(burst, "Retry-After")).isEqualTo("10");
            assertThat(header(burst, "X-RateLimit-Limit")).isEqualTo("2");

            clock.advance(Duration.ofSeconds(10));
            HttpResponse<String> third = http.getCall("call_nw_1001", NORTHWIND_KEY);
            HttpResponse<String> sustained = http.getCall("call_nw_1001", NORTHWIND_KEY);

            assertThat(third.statusCode()).isEqualTo(200);
            // The 10 s window has 1 left, the 60 s window none: the 60 s window is the one described.
            assertThat(header(third, "X-RateLimit-Limit")).isEqualTo("3");
            assertThat(header(third, "X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(header(third, "X-RateLimit-Reset")).isEqualTo("50");
            assertThat(sustained.statusCode()).isEqualTo(429);
            assertThat(header(sustained, "Retry-After")).isEqualTo("50");
            assertThat(header(sustained, "X-RateLimit-Limit")).isEqualTo("3");
            assertThat(header(sustained, "X-RateLimit-Remaining")).isEqualTo("0");

            clock.advance(Duration.ofSeconds(50));
            assertThat(status(http.getCall("call_nw_1001", NORTHWIND_KEY))).isEqualTo(200);
        }
    }

    @Test
    void theFieldsDescribeTheWindowWithFewestRequestsLeft() {
        try (MockServer server = start("5/10s,100/1h", RateLimit.Scope.KEY, null)) {
            HttpResponse<String> first = new TestHttp(server.baseUrl()).getCall("call_nw_1001", NORTHWIND_KEY);

            assertThat(header(first, "X-RateLimit-Limit")).isEqualTo("5");
            assertThat(header(first, "X-RateLimit-Remaining")).isEqualTo("4");
            assertThat(Long.parseLong(header(first, "X-RateLimit-Reset"))).isBetween(9L, 10L);
        }
    }

    @Test
    void sixtyFourParallelClientsGetExactlyTheTightestLimitThroughForThreeWindows() throws Exception {
        try (MockServer server = start("1000/1s,40/10m,500/1d", RateLimit.Scope.KEY, null)) {
            List<Integer> statuses = hammer(new TestHttp(server.baseUrl()), List.of(NORTHWIND_KEY), 64, 2);

            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(40);
            assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(64 * 2 - 40);
        }
    }

    @Test
    void teamScopeSharesOneSetOfWindowsAcrossTheTeamsKeysExactly() throws Exception {
        try (MockServer server = start("30/10m,100/1h", RateLimit.Scope.TEAM, null)) {
            TestHttp http = new TestHttp(server.baseUrl());

            List<Integer> statuses = hammer(http, List.of(NORTHWIND_KEY, NORTHWIND_SECOND_KEY), 64, 2);

            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(30);
            assertThat(http.getCall("call_nw_1001", NORTHWIND_SECOND_KEY).statusCode()).isEqualTo(429);
            HttpResponse<String> otherTeam = http.getCall("call_bb_2001", BLUEBIRD_KEY);
            assertThat(otherTeam.statusCode()).isEqualTo(200);
            assertThat(header(otherTeam, "X-RateLimit-Remaining")).isEqualTo("29");
        }
    }

    @Test
    void keyScopeGivesEachKeyItsOwnWindows() {
        try (MockServer server = start("1/1m", RateLimit.Scope.KEY, null)) {
            TestHttp http = new TestHttp(server.baseUrl());

            assertThat(status(http.getCall("call_nw_1001", NORTHWIND_KEY))).isEqualTo(200);
            assertThat(status(http.getCall("call_nw_1001", NORTHWIND_SECOND_KEY))).isEqualTo(200);
        }
    }

    /** {@code threads} clients, spread over {@code keys}, each making {@code each} requests at once. */
    static List<Integer> hammer(TestHttp http, List<String> keys, int threads, int each) throws Exception {
        return hammer(List.of(http), keys, threads, each);
    }

    /**
     * {@code threads} clients spread over {@code servers} (client {@code t} asks server
     * {@code t % servers}) and over {@code keys} ({@code t % keys}), each making {@code each}
     * requests at once; their statuses.
     */
    static List<Integer> hammer(List<TestHttp> servers, List<String> keys, int threads, int each) throws Exception {
        return hammerResponses(servers, keys, threads, each).stream().map(HttpResponse::statusCode).toList();
    }

    /** As {@link #hammer(List, List, int, int)}, the responses. */
    static List<HttpResponse<String>> hammerResponses(List<TestHttp> servers, List<String> keys, int threads, int each)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<HttpResponse<String>>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String key = keys.get(t % keys.size());
                TestHttp http = servers.get(t % servers.size());
                results.add(pool.submit(() -> {
                    go.await();
                    List<HttpResponse<String>> responses = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        responses.add(http.getCall("call_nw_1001", key));
                    }
                    return responses;
                }));
            }
            go.countDown();
            List<HttpResponse<String>> all = new ArrayList<>();
            for (Future<List<HttpResponse<String>>> result : results) {
                all.addAll(result.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " in " + response.headers()));
    }
}
