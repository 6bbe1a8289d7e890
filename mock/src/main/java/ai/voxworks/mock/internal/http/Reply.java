package ai.voxworks.mock.internal.http;

import java.util.Map;

/**
 * A response ready to write: status, JSON body bytes and extra headers, prepared ahead of the
 * request wherever possible, plus the rate-limit {@link Quota} of this request.
 */
record Reply(int status, byte[] body, Map<String, String> headers, Quota quota) {

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, byte[] body) {
        return new Reply(status, body, Map.of(), Quota.NONE);
    }

    Reply withHeaders(Map<String, String> extra) {
        return new Reply(status, body, extra, quota);
    }

    /** This reply with the request's quota; {@link Quota#NONE} keeps the one it has (a 429's own). */
    Reply withQuota(Quota quota) {
        return quota == Quota.NONE ? this : new Reply(status, body, headers, quota);
    }
}
