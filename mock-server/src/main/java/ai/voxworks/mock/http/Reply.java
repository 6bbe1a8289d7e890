package ai.voxworks.mock.http;

import java.util.Map;

/**
 * A response ready to write: status, JSON body bytes and extra headers, prepared ahead of the
 * request wherever possible, plus the rate-limit {@link Quota} of this request, if any.
 */
record Reply(int status, byte[] body, Map<String, String> headers, Quota quota) {

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, byte[] body) {
        return new Reply(status, body, Map.of(), null);
    }

    Reply withHeaders(Map<String, String> extra) {
        return new Reply(status, body, extra, quota);
    }

    Reply withQuota(Quota quota) {
        return new Reply(status, body, headers, quota);
    }
}
