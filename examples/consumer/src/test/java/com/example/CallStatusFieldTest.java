package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.voxworks.mock.RecordedRequest;
import ai.voxworks.mock.junit5.VoxworksMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same checks as CallStatusTest, with the extension as a field configured by its builder. */
class CallStatusFieldTest {

    @RegisterExtension
    static VoxworksMockExtension mock = VoxworksMockExtension.builder().rateLimit("2/1m").build();

    @Test
    void describesACallOfTheKeysTeam() {
        assertEquals("call_nw_1001: completed, 204 s", new CallStatus(mock.client()).describe("call_nw_1001"));
    }

    @Test
    void anotherTeamsCallIsNotFound() {
        assertEquals("call_bb_2001: no such call", new CallStatus(mock.client()).describe("call_bb_2001"));
        assertEquals(404, mock.requestsForCall("call_bb_2001").get(0).status());
    }

    @Test
    void theThirdRequestInAMinuteIsRateLimitedAndTheJournalSaysSo() {
        CallStatus status = new CallStatus(mock.client());
        status.describe("call_nw_1001");
        status.describe("call_nw_1002");

        assertTrue(status.describe("call_nw_1003").startsWith("call_nw_1003: busy, try again in "));
        assertEquals(3, mock.requests().size());
        assertEquals(1, mock.requestsWithStatus(429).size());
        assertTrue(mock.requests().stream().map(RecordedRequest::maskedKey).allMatch(k -> k.startsWith("vx_test_")));
    }
}
