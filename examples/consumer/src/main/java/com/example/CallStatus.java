package com.example;

import ai.voxworks.client.Call;
import ai.voxworks.client.NotFoundException;
import ai.voxworks.client.RateLimitException;
import ai.voxworks.client.VoxworksClient;

/** One line about a call, for a support dashboard. */
public final class CallStatus {

    private final VoxworksClient voxworks;

    public CallStatus(VoxworksClient voxworks) {
        this.voxworks = voxworks;
    }

    public String describe(String callId) {
        try {
            Call call = voxworks.getCall(callId);
            return callId + ": " + call.status() + (call.duration() == null ? "" : ", " + call.duration() + " s");
        } catch (NotFoundException e) {
            return callId + ": no such call";
        } catch (RateLimitException e) {
            return callId + ": busy, try again in " + e.retryAfter().map(d -> d.toSeconds() + " s").orElse("a while");
        }
    }
}
