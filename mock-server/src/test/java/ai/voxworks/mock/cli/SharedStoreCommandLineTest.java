package ai.voxworks.mock.cli;

import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimitStore;
import ai.voxworks.mock.testing.RedisServer;
import ai.voxworks.mock.testing.TestHttp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The command line with a shared (Redis) rate-limit store: its banner, its password handling, its one-line failure. */
class SharedStoreCommandLineTest {

    private static RedisServer redis;

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

    @Test
    void theCommandLineNamesTheStoreInItsBanner() {
        StringWriter out = new StringWriter();
        Main main = new Main(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        try {
            int code = main.execute(new String[] {"--port", "0"}, Map.of("VOXWORKS_MOCK_RATE_LIMIT_STORE", redis.url())::get);

            assertThat(code).isEqualTo(Main.RUNNING);
            assertThat(out.toString()).contains("limit store  " + redis.url() + ", shared by every replica with the same "
                    + "store, limit and scope");
        } finally {
            if (main.server() != null) {
                main.server().close();
            }
        }
    }

    @Test
    void aPasswordInTheUrlIsUsedAndNeverShown() throws Exception {
        try (RedisServer locked = RedisServer.start("--requirepass", "s3cret-pass")) {
            String withPassword = "redis://:s3cret-pass@127.0.0.1:" + locked.port();
            StringWriter out = new StringWriter();
            Main main = new Main(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
            try {
                assertThat(main.execute(new String[] {"--port", "0", "--rate-limit-store", withPassword}, k -> null))
                        .isEqualTo(Main.RUNNING);
                TestHttp http = new TestHttp(main.server().baseUrl());

                assertThat(http.getCall("call_nw_1001", NORTHWIND_KEY).statusCode()).isEqualTo(200);
                assertThat(out.toString()).contains("limit store  " + locked.url() + " (password not shown)")
                        .doesNotContain("s3cret");
                assertThat(http.get("/__mock/health").body()).contains("\"url\":\"" + locked.url() + "\"").doesNotContain("s3cret");
                assertThat(main.server().config().toString()).doesNotContain("s3cret");
            } finally {
                if (main.server() != null) {
                    main.server().close();
                }
            }

            MockServerConfig wrong = MockServerConfig.builder().port(0)
                    .rateLimitStore(RateLimitStore.parse("redis://:not-it@127.0.0.1:" + locked.port())).build();
            assertThatThrownBy(() -> MockServer.start(wrong)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot reach the rate-limit store " + locked.url())
                    .hasMessageNotContaining("not-it");
        }
    }

    @Test
    void theCommandLineExits1WithOneLineNamingTheUrl() {
        String url = "redis://127.0.0.1:" + RedisServer.freePort() + "/2";
        StringWriter err = new StringWriter();
        Main main = new Main(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

        int code = main.execute(new String[] {"--port", "0"}, Map.of("VOXWORKS_MOCK_RATE_LIMIT_STORE", url)::get);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("voxworks-mock-server: cannot start: cannot reach the rate-limit store " + url + ": ")
                .doesNotContain("Exception"));
        assertThat(main.server()).isNull();
    }
}
