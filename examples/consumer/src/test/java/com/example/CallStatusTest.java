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
        CallStatus status = new CallStatus(mock.client());   // a key of team_bluebird, no retries

        assertEquals("call_bb_2001: completed, 393 s", status.describe("call_bb_2001"));
    }

    @Test
    void unknownCallIs404(VoxworksMock mock) {
        CallStatus status = new CallStatus(mock.client());

        assertEquals("call_nope: no such call", status.describe("call_nope"));
        assertEquals(404, mock.requestsForCall("call_nope").get(0).status());
    }

    @Test
    void thirdRequestInAMinuteIs429(VoxworksMock mock) {   // the mock is reset before each test
        CallStatus status = new CallStatus(mock.client());
        status.describe("call_bb_2001");
        status.describe("call_bb_2002");

        assertTrue(status.describe("call_bb_2003").startsWith("call_bb_2003: busy, try again in "));
        assertEquals(1, mock.requestsWithStatus(429).size());
    }
}
