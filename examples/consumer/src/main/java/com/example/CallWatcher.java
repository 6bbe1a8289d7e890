package com.example;

import ai.voxworks.client.Call;
import ai.voxworks.client.VoxworksClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Follows a call until it ends, a line per change, for a support dashboard's live view. */
public final class CallWatcher {

    /** How the watcher waits between two looks: a real sleep, unless a test hands it the mock's time. */
    public interface Sleep {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final VoxworksClient voxworks;
    private final Sleep sleep;

    public CallWatcher(VoxworksClient voxworks) {
        this(voxworks, duration -> Thread.sleep(duration.toMillis()));
    }

    public CallWatcher(VoxworksClient voxworks, Sleep sleep) {
        this.voxworks = voxworks;
        this.sleep = sleep;
    }

    /** Each state the call went through, asking every {@code every}, until it ended. */
    public List<String> follow(String callId, Duration every) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        while (true) {
            Call call = voxworks.getCall(callId);
            String line = call.status() + (call.progress() == null ? "" : ": " + call.progress());
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(line)) {
                seen.add(line);
            }
            if (call.ended()) {
                return seen;
            }
            sleep.sleep(every);
        }
    }
}
