package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.BLUEBIRD_KEY;
import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static ai.voxworks.mock.testing.DemoData.NORTHWIND_SECOND_KEY;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void sixtyFourThreadsAgainstALimitOf100LetExactly100Through() throws Exception {
        int threads = 64;
        int perThread = 4;
        try (MockServer server = MockServer.start(config(RateLimit.of(100, Duration.ofMinutes(10))))) {
            TestHttp http = new TestHttp(server.baseUrl());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    go.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        statuses.add(http.getCall("call_nw_1001", NORTHWIND_KEY).statusCode());
                    }
                    return statuses;
                }));
            }
            go.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : results) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(all).hasSize(threads * perThread);
            assertThat(all.stream().filter(s -> s == 200).count()).isEqualTo(100);
            assertThat(all.stream().filter(s -> s == 429).count()).isEqualTo(threads * perThread - 100);
        }
    }

    @Test
    void everyAuthenticatedResponseCarriesTheQuota() {
        try (MockServer server = MockServer.start(config(RateLimit.of(5, Duration.ofMinutes(1))))) {
            TestHttp http = new TestHttp(server.baseUrl());

            HttpResponse<String> ok = http.getCall("call_nw_1001", NORTHWIND_KEY);
            HttpResponse<String> notFound = http.getCall("call_bb_2001", NORTHWIND_KEY);

            assertThat(ok.headers().firstValue("X-RateLimit-Limit")).hasValue("5");
            assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue("4");
            assertThat(notFound.headers().firstValue("X-RateLimit-Limit")).hasValue("5");
            assertThat(notFound.headers().firstValue("X-RateLimit-Remaining")).hasValue("3");
            assertThat(ok.headers().firstValue("Retry-After")).isEmpty();
        }
    }

    @Test
    void unauthenticatedRequestsTakeNoTokenAndGetNoQuota() {
        try (MockServer server = MockServer.start(config(RateLimit.of(1, Duration.ofMinutes(1))))) {
            TestHttp http = new TestHttp(server.baseUrl());

            HttpResponse<String> anonymous = http.get(TestHttp.GET_CALL + "call_nw_1001");

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("X-RateLimit-Limit")).isEmpty();
            assertThat(http.getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void pastTheLimitIs429WithRetryAfterWithinTheWindow() {
        try (MockServer server = MockServer.start(config(RateLimit.of(2, Duration.ofSeconds(30))))) {
            TestHttp http = new TestHttp(server.baseUrl());
            http.getCall("call_nw_1001", NORTHWIND_KEY);
            http.getCall("call_nw_1001", NORTHWIND_KEY);

            HttpResponse<String> limited = http.getCall("call_nw_1001", NORTHWIND_KEY);

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).isEqualTo("{\"success\":false,\"message\":\"Rate limit exceeded\"}");
            assertThat(limited.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
            assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
            assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
        }
    }

    @Test
    void retryAfterIsTheTrueWaitRoundedUpToWholeSeconds() {
        ManualClock clock = new ManualClock();
        try (MockServer server = MockServer.start(config(RateLimit.of(1, Duration.ofSeconds(60))), clock)) {
            TestHttp http = new TestHttp(server.baseUrl());
            assertThat(http.getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(200);

            assertThat(retryAfter(http)).isEqualTo("60");
            clock.advance(Duration.ofMillis(20_500));
            assertThat(retryAfter(http)).isEqualTo("40");
            clock.advance(Duration.ofMillis(39_400));
            assertThat(retryAfter(http)).isEqualTo("1");
            clock.advance(Duration.ofMillis(100));
            assertThat(http.getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void eachApiKeyHasItsOwnBucket() {
        try (MockServer server = MockServer.start(config(RateLimit.of(1, Duration.ofMinutes(1))))) {
            TestHttp http = new TestHttp(server.baseUrl());

            assertThat(http.getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(200);
            assertThat(http.getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(429);
            assertThat(http.getCall("call_nw_1001", NORTHWIND_SECOND_KEY).statusCode()).isEqualTo(200);
            assertThat(http.getCall("call_bb_2001", BLUEBIRD_KEY).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void limiterOffSendsNoQuotaHeadersAndNeverRefuses() {
        try (MockServer server = MockServer.start(config(RateLimit.off()))) {
            TestHttp http = new TestHttp(server.baseUrl());
            for (int i = 0; i < 80; i++) {
                HttpResponse<String> response = http.getCall("call_nw_1001", NORTHWIND_KEY);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
            }
        }
    }

    private static String retryAfter(TestHttp http) {
        HttpResponse<String> response = http.getCall("call_nw_1001", NORTHWIND_KEY);
        assertThat(response.statusCode()).isEqualTo(429);
        return response.headers().firstValue("Retry-After").orElseThrow();
    }

    private static MockServerConfig config(RateLimit limit) {
        return MockServerConfig.builder().port(0).rateLimit(limit).build();
    }
}
