package ai.voxworks.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.RedisServer;
import ai.voxworks.mock.testing.TestHttp;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Redis client (Lettuce, with Netty and Reactor) costs a mock with the default local store
 * nothing: not one of its classes is loaded, from start to serving.
 */
class LazyRedisClientTest {

    private static final Pattern REDIS_CLIENT = Pattern.compile(
            "\\b(io\\.lettuce|io\\.netty|reactor\\.core|io\\.github\\.bucket4j\\.redis|ai\\.voxworks\\.mock\\.internal\\.http\\.RedisBuckets)\\.?");

    @Test
    void aLocalStoreLoadsNoClassOfTheRedisClient() throws Exception {
        try (ServerProcess server = ServerProcess.fromClassPath(List.of("-verbose:class"), "--port", "0")) {
            String url = server.awaitUrl();
            assertThat(new TestHttp(url).getCall("call_nw_1001", DemoData.NORTHWIND_KEY).statusCode()).isEqualTo(200);
            assertThat(new TestHttp(url).get("/__mock/health").body()).contains("\"url\":\"local\"");
            server.terminate();

            String loaded = server.output();
            assertThat(loaded).contains("ai.voxworks.mock.internal.http.RateLimiting");
            assertThat(loaded.lines().filter(line -> REDIS_CLIENT.matcher(line).find())).isEmpty();
        }
    }

    @Test
    void withoutTheRedisClientAStoreSaysWhichDependenciesToAdd() throws Exception {
        // A project that embeds the mock gets the client only if it adds it (optional dependencies).
        String url = "redis://127.0.0.1:" + RedisServer.freePort();
        try (ServerProcess server = ServerProcess.fromClassPathWithout("lettuce", "--port", "0", "--rate-limit-store", url)) {
            assertThat(server.awaitExit()).isEqualTo(1);
            assertThat(server.output().strip().lines()).singleElement().satisfies(line -> assertThat(line).isEqualTo(
                    "voxworks-mock-server: cannot start: the rate-limit store " + url + " needs the Redis client on the "
                            + "class path: add com.bucket4j:bucket4j_jdk17-lettuce and io.lettuce:lettuce-core"));
        }
    }

    @Test
    void aRedisStoreDoesLoadIt() throws Exception {
        // The same check, seen to find something: an unreachable store still loads the client to try.
        String url = "redis://127.0.0.1:" + RedisServer.freePort();
        try (ServerProcess server = ServerProcess.fromClassPath(List.of("-verbose:class"), "--port", "0",
                "--rate-limit-store", url)) {
            assertThat(server.awaitExit()).isEqualTo(1);

            String output = server.output();
            assertThat(output.lines().filter(line -> REDIS_CLIENT.matcher(line).find())).isNotEmpty();
            assertThat(output).contains("voxworks-mock-server: cannot start: cannot reach the rate-limit store " + url);
        }
    }
}
