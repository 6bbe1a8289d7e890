package com.example;

import static ai.voxworks.mock.junit5.RequestPattern.getCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.voxworks.client.UnexpectedResponseException;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.mock.Fault;
import ai.voxworks.mock.junit5.VoxworksMock;
import ai.voxworks.mock.junit5.VoxworksMockTest;
import org.junit.jupiter.api.Test;

@VoxworksMockTest
class CallFaultsTest {

    @Test
    void aResetConnectionIsRetried(VoxworksMock mock) {
        mock.faultNext(Fault.RESET);   // the next request: its connection is reset before any byte
        try (VoxworksClient retrying = VoxworksClient.builder().apiKey(mock.server().fixtures().demoKey())
                .baseUrl(mock.baseUrl()).build()) {   // retries, as your code's client does (mock.client() does not)

            assertEquals("call_nw_1001: completed, 204 s", new CallStatus(retrying).describe("call_nw_1001"));
        }
        mock.verify(1, getCall("call_nw_1001").withFault(Fault.RESET));
        mock.verify(1, getCall("call_nw_1001").withStatus(200));
    }

    @Test
    void aBodyCutShortIsOneTypedError(VoxworksMock mock) {
        mock.faultNext(Fault.TRUNCATE);   // the status, the headers, half the body, then the connection closes

        assertThrows(UnexpectedResponseException.class, () -> new CallStatus(mock.client()).describe("call_nw_1001"));
    }
}
