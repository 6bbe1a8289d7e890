package ai.voxworks.mock.internal.http;

import java.util.Map;

/**
 * A response ready to write: status, JSON body bytes and extra headers, prepared ahead of the
 * request wherever possible, plus the rate-limit {@link Quota} of this request and, for a call that
 * moves, the stage of its timeline the body is ({@link #NO_STAGE} otherwise), for the journal.
 */
record Reply(int status, byte[] body, Map<String, String> headers, Quota quota, int stage) {

    static final int NO_STAGE = -1;

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, byte[] body) {
        return new Reply(status, body, Map.of(), Quota.NONE, NO_STAGE);
    }

    Reply withHeaders(Map<String, String> extra) {
        return new Reply(status, body, extra, quota, stage);
    }

    /** This reply with the request's quota; {@link Quota#NONE} keeps the one it has (a 429's own). */
    Reply withQuota(Quota quota) {
        return quota == Quota.NONE ? this : new Reply(status, body, headers, quota, stage);
    }

    /** The body of stage {@code stage} of a moving call's timeline. */
    static Reply stage(byte[] body, int stage) {
        return new Reply(200, body, Map.of(), Quota.NONE, stage);
    }
}
