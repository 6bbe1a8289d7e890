package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.voxworks.mock.junit5.VoxworksMock;
import ai.voxworks.mock.junit5.VoxworksMockTest;
import org.junit.jupiter.api.Test;

@VoxworksMockTest(rateLimit = "2/1m")
class CallStatusTest {

    @Test
    void describesACall(VoxworksMock mock) {
        CallStatus status = new CallStatus(mock.client());   // the demo key (team_northwind), no retries

        assertEquals("call_nw_1001: completed, 204 s", status.describe("call_nw_1001"));
    }

    @Test
    void anotherTeamsCallIs404(VoxworksMock mock) {   // call_bb_*: team_bluebird's
        CallStatus status = new CallStatus(mock.client());

        assertEquals("call_bb_2001: no such call", status.describe("call_bb_2001"));
        assertEquals(404, mock.requestsForCall("call_bb_2001").get(0).status());
    }

    @Test
    void thirdRequestInAMinuteIs429(VoxworksMock mock) {   // the mock is reset before each test
        CallStatus status = new CallStatus(mock.client());
        status.describe("call_nw_1001");
        status.describe("call_nw_1002");

        assertTrue(status.describe("call_nw_1003").startsWith("call_nw_1003: busy, try again in "));
        assertEquals(1, mock.requestsWithStatus(429).size());
    }
}
