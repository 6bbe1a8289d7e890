package ai.voxworks.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.internal.fixtures.CallReader;
import ai.voxworks.mock.internal.fixtures.FixtureLoader;
import ai.voxworks.mock.internal.fixtures.FixtureStore;
import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.TestHttp;
import io.github.bucket4j.TimeMeter;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A failure inside the server is a 500 ErrorResponse without a stack trace, and the server keeps serving. */
class InternalFailureTest {

    @Test
    void anInternalFailureIs500WithoutAStackTraceAndTheServerKeepsServing() {
        // A scheduler that refuses delayed replies makes each one fail inside the request.
        ScheduledExecutorService broken = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
                throw new RejectedExecutionException("broken for this test");
            }
        };
        MockServerConfig config = MockServerConfig.builder().port(0).build();
        MockControl control = new MockControl(new FixtureStore(CompletableFuture.completedFuture(FixtureLoader.bundled())),
                new CallReader(), FixtureLoader::bundled, () -> null,
                new RateLimiting(config.rateLimit(), config.rateLimitScope(), TimeMeter.SYSTEM_NANOTIME), 10, config.faults(),
                new MockClock(TimeMeter.SYSTEM_NANOTIME));
        Javalin app = MockApp.create(config, control, broken, ServerLimits.DEFAULT).start();
        try {
            TestHttp http = new TestHttp("http://127.0.0.1:" + app.port());

            HttpResponse<String> failed = http.get(TestHttp.GET_CALL + "call_nw_1001",
                    "Authorization", "Bearer " + DemoData.NORTHWIND_KEY, "Prefer", "delay=5");
            HttpResponse<String> next = http.getCall("call_nw_1001", DemoData.NORTHWIND_KEY);

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).isEqualTo("{\"success\":false,\"message\":\"Internal server error\"}");
            assertThat(next.statusCode()).isEqualTo(200);
        } finally {
            app.stop();
            broken.shutdownNow();
        }
    }
}
