package ai.voxworks.client.internal;

import java.util.Set;

/**
 * Which call statuses mean the call is over, stated once: the client's {@code Call.ended()} (what
 * {@code awaitCall} waits for by default), the mock's rule that a timeline ends in one, and the
 * recorder's {@code --follow}, which polls until then.
 */
public final class CallStatuses {

    /** A call with one of these statuses has ended. */
    public static final Set<String> ENDED = Set.of("completed", "no-answer", "failed", "voicemail", "busy", "canceled",
            "cancelled");

    /** A call with one of these statuses has not. */
    public static final Set<String> ACTIVE = Set.of("scheduled", "queued", "ringing", "in-progress");

    private CallStatuses() {
    }

    /**
     * Whether a call with this status has ended: one of {@link #ENDED}; or, for a status the API
     * may add one day, not one of {@link #ACTIVE} and with an {@code end_time}.
     */
    public static boolean ended(String status, boolean hasEndTime) {
        if (status == null) {
            return false;
        }
        return ENDED.contains(status) || hasEndTime && !ACTIVE.contains(status);
    }

    /** The ended statuses as a message lists them: {@code busy, canceled, ...}, sorted. */
    public static String endedList() {
        return String.join(", ", new java.util.TreeSet<>(ENDED));
    }
}
