package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.LocalServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MockServer#awaitRequests}: woken by the request it waits for, never later than its timeout. */
class AwaitRequestsTest {

    @RegisterExtension
    final LocalServer mock = LocalServer.withDefaults();

    /** Sends {@code count} get-calls, one after another, {@code afterMs} from now, on another thread. */
    private CompletableFuture<Void> sendLater(int count, long afterMs) {
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < count; i++) {
                mock.http().getCall("call_nw_100" + (i + 1), NORTHWIND_KEY);
            }
        }, CompletableFuture.delayedExecutor(afterMs, TimeUnit.MILLISECONDS));
    }

    @Test
    void returnsAsSoonAsTheRequestsItWaitsForArrive() throws Exception {
        CompletableFuture<Void> sent = sendLater(3, 200);
        long started = System.nanoTime();

        List<RecordedRequest> journal = mock.server().awaitRequests(j -> j.size() >= 3, Duration.ofSeconds(20));

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(journal).hasSize(3);
        assertThat(tookMs).isBetween(150L, 5_000L);
        sent.join();
    }

    @Test
    void whatHoldsAlreadyReturnsAtOnce() throws Exception {
        mock.http().getCall("call_nw_1001", NORTHWIND_KEY);
        long started = System.nanoTime();

        assertThat(mock.server().awaitRequests(j -> !j.isEmpty(), Duration.ofSeconds(20))).hasSize(1);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
    }

    @Test
    void afterTheTimeoutItReturnsTheJournalAsItLastSawIt() throws Exception {
        sendLater(1, 0).join();
        long started = System.nanoTime();

        List<RecordedRequest> journal = mock.server().awaitRequests(j -> j.size() >= 2, Duration.ofMillis(300));

        assertThat(journal).hasSize(1);
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(290L, 3_000L);
    }
}
