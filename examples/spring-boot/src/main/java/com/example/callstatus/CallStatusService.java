package com.example.callstatus;

import ai.voxworks.client.Call;
import ai.voxworks.client.NotFoundException;
import ai.voxworks.client.RateLimitException;
import ai.voxworks.client.VoxworksClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** One line about a call, for a support dashboard. */
@Service
public class CallStatusService {

    private static final Logger LOG = LoggerFactory.getLogger(CallStatusService.class);

    private final VoxworksClient voxworks;

    public CallStatusService(VoxworksClient voxworks) {
        this.voxworks = voxworks;
    }

    public String describe(String callId) {
        try {
            Call call = voxworks.getCall(callId);
            return callId + ": " + call.status() + (call.duration() == null ? "" : ", " + call.duration() + " s");
        } catch (NotFoundException e) {
            return callId + ": no such call";
        } catch (RateLimitException e) {
            LOG.warn("Voxworks rate limit reached ({})", voxworks.maskedApiKey());
            return callId + ": busy, try again in " + e.retryAfter().map(d -> d.toSeconds() + " s").orElse("a while");
        }
    }
}
