package ai.voxworks.mock.junit5;

import ai.voxworks.client.internal.ApiKeys;
import ai.voxworks.mock.Fault;
import ai.voxworks.mock.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which requests of the journal {@link VoxworksMock#verify} counts: by call id, API key, status,
 * method and fault. Immutable; each {@code with...} returns a narrower pattern.
 *
 * <pre>{@code
 * import static ai.voxworks.mock.junit5.RequestPattern.getCall;
 *
 * mock.verify(2, getCall("call_nw_1001").withKey(key).withStatus(200));
 * }</pre>
 *
 * <p>The journal keeps keys masked ({@code vx_test_…3a9c}), never whole: a key is matched by its
 * team and its masked form, which tell the keys of a team apart unless two of them mask alike (then
 * {@code verify} says so). A key that is no team's is never journaled: its requests are the 401s
 * journaled without a key.
 */
public final class RequestPattern {

    private static final String GET_CALL = "/api/v1/get-call/";

    private final String method;
    private final String callId;
    private final String apiKey;
    private final Integer status;
    private final Fault fault;

    private RequestPattern(String method, String callId, String apiKey, Integer status, Fault fault) {
        this.method = method;
        this.callId = callId;
        this.apiKey = apiKey;
        this.status = status;
        this.fault = fault;
    }

    /** {@code GET /api/v1/get-call/{callId}}, whatever key, status or fault it had. */
    public static RequestPattern getCall(String callId) {
        if (callId == null || callId.isEmpty()) {
            throw new IllegalArgumentException("callId must not be null or empty");
        }
        return new RequestPattern("GET", callId, null, null, null);
    }

    /** Every API request the journal keeps: any method, path, key, status. */
    public static RequestPattern anyRequest() {
        return new RequestPattern(null, null, null, null, null);
    }

    /** Only requests made with this API key (shown masked in every message). */
    public RequestPattern withKey(String apiKey) {
        return new RequestPattern(method, callId, ApiKeys.check(apiKey), status, fault);
    }

    /** Only requests answered with this status (0: reset before a status was sent). */
    public RequestPattern withStatus(int status) {
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException(status + " is not an HTTP status");
        }
        return new RequestPattern(method, callId, apiKey, status, fault);
    }

    /** Only requests with this method ({@code GET}, {@code HEAD}, ...; any letter case). */
    public RequestPattern withMethod(String method) {
        Objects.requireNonNull(method, "method");
        return new RequestPattern(method.strip().toUpperCase(Locale.ROOT), callId, apiKey, status, fault);
    }

    /** Only requests given this fault ({@link VoxworksMock#faultNext}, a profile, or {@code Prefer: fault=}). */
    public RequestPattern withFault(Fault fault) {
        return new RequestPattern(method, callId, apiKey, status, Objects.requireNonNull(fault, "fault"));
    }

    String apiKey() {
        return apiKey;
    }

    /**
     * What of this pattern {@code request} misses, such as {@code [call id, key]}; empty when it matches.
     *
     * @param keyTeam the team of {@link #apiKey()}, or {@code null} when it is no team's (or there is none)
     */
    List<String> misses(RecordedRequest request, String keyTeam) {
        List<String> misses = new ArrayList<>(2);
        if (method != null && !method.equals(request.method())) {
            misses.add("method");
        }
        if (callId != null && !request.callId().filter(callId::equals).isPresent()) {
            misses.add("call id");
        }
        if (apiKey != null && (keyTeam == null || !keyTeam.equals(request.teamId())
                || !ApiKeys.mask(apiKey).equals(request.maskedKey()))) {
            misses.add("key");
        }
        if (status != null && status != request.status()) {
            misses.add("status");
        }
        if (fault != null && !fault.name().equals(request.fault())) {
            misses.add("fault");
        }
        return misses;
    }

    /** {@code GET /api/v1/get-call/call_x with key vx_test_…3a9c, status 200}; the key masked. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(method == null ? "any method" : method).append(' ')
                .append(callId == null ? "any API path" : GET_CALL + callId);
        List<String> with = new ArrayList<>();
        if (apiKey != null) {
            with.add("key " + ApiKeys.mask(apiKey));
        }
        if (status != null) {
            with.add("status " + status);
        }
        if (fault != null) {
            with.add("fault " + fault);
        }
        return with.isEmpty() ? s.toString() : s.append(" with ").append(String.join(", ", with)).toString();
    }
}
