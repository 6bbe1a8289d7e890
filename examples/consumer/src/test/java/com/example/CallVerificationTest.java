package com.example;

import static ai.voxworks.mock.junit5.RequestPattern.getCall;

import ai.voxworks.mock.junit5.VoxworksMock;
import ai.voxworks.mock.junit5.VoxworksMockTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@VoxworksMockTest
class CallVerificationTest {

    @Test
    void pollsTheCallTwiceWithTheTeamsKey(VoxworksMock mock) {
        String key = mock.server().fixtures().demoKey();
        CallStatus status = new CallStatus(mock.client(key));

        status.describe("call_nw_1003");   // in progress: a dashboard polls it
        status.describe("call_nw_1003");

        mock.verify(2, getCall("call_nw_1003").withKey(key).withStatus(200));   // a miss lists what came, keys masked
    }

    @Test
    void awaitsACallFetchedInTheBackground(VoxworksMock mock) {
        mock.client().getCallAsync("call_nw_1001");   // code that fetches without waiting for the answer

        mock.await(Duration.ofSeconds(5)).verify(1, getCall("call_nw_1001"));   // returns once it has come: no sleep
    }
}
