package ai.voxworks.mock;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * One API request as the mock's journal keeps it ({@link MockServer#requests()},
 * {@code GET /__mock/requests}).
 *
 * @param time      when it arrived
 * @param method    HTTP method
 * @param path      the path as sent (still percent-encoded), with any configured API key in it masked
 * @param status    the status answered; 0 when the connection was reset before one was sent ({@link Fault#RESET})
 * @param teamId    the team of the key that authenticated it, or {@code null}
 * @param maskedKey that key, masked (prefix and last characters), or {@code null}
 * @param latencyMs time to the response, including any configured or requested delay (to its headers,
 *                  for a body that drips)
 * @param fault     the {@link Fault} it was given ({@code reset}, {@code truncate}, {@code drip},
 *                  {@code malformed}, or a status such as {@code 500} that a profile or
 *                  {@link MockServer#faultNext} forced), or {@code null}
 * @param stage     for a call that moves, the stage of its timeline that answered (0 for the first), or {@code null}
 */
public record RecordedRequest(Instant time, String method, String path, int status, String teamId, String maskedKey,
                              double latencyMs, String fault, Integer stage) {

    /** An entry without a stage: a request that a call that does not move answered, or none did. */
    public RecordedRequest(Instant time, String method, String path, int status, String teamId, String maskedKey,
                           double latencyMs, String fault) {
        this(time, method, path, status, teamId, maskedKey, latencyMs, fault, null);
    }

    private static final String GET_CALL = "/api/v1/get-call/";

    /** The call id this request asked for, decoded, if it was a get-call request. */
    public Optional<String> callId() {
        if (!path.startsWith(GET_CALL) || path.length() == GET_CALL.length()) {
            return Optional.empty();
        }
        String segment = path.substring(GET_CALL.length());
        try {
            return Optional.of(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.of(segment);
        }
    }
}
