package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.voxworks.client.Call;
import ai.voxworks.mock.junit5.VoxworksMock;
import ai.voxworks.mock.junit5.VoxworksMockTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call that moves (call_nw_1008: scheduled, dialling, ringing, no answer within 34 s), followed in the mock's time. */
@VoxworksMockTest
class CallWatcherTest {

    @Test
    void followsACallToItsEndWithoutWaitingForReal(VoxworksMock mock) throws Exception {
        CallWatcher watcher = new CallWatcher(mock.client(), mock::advance);   // each wait moves the mock's clock instead

        assertEquals(List.of("scheduled", "in-progress: dialling", "in-progress: ringing", "no-answer"),
                watcher.follow("call_nw_1008", Duration.ofSeconds(2)));
        assertEquals(18, mock.requestsForCall("call_nw_1008").size());   // 34 s of the call's life, asked every 2 s
    }

    @Test
    void theClientsAwaitCallWaitsInTheMocksTimeToo(VoxworksMock mock) {
        List<String> changes = new ArrayList<>();

        Call done = mock.client().awaitCall("call_nw_1007", Call::ended, Duration.ofMinutes(5), c -> changes.add(c.status()));

        assertEquals("completed", done.status());
        assertEquals("scheduled", changes.get(0));
        assertTrue(done.transcript().contains("Email, please."));
        assertEquals(0, mock.requestsWithStatus(429).size());
    }
}
