package ai.voxworks.client;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A call with what its response said about it, as Retrofit's {@code Response} is a body with its
 * status and headers: {@link VoxworksClient#getCallResponse} returns one per call, so concurrent
 * calls each see their own rate-limit status. Immutable.
 *
 * <p>The headers are the response's only; the request's {@code Authorization} is never among them,
 * and should a server echo the API key in a header, the key is masked there.
 *
 * @param call      the call
 * @param status    the HTTP status of the response (a 200: other statuses are exceptions)
 * @param rateLimit {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining} of this response,
 *                  when it carried both
 * @param headers   the response headers, by name; names compare case-insensitively
 *                  ({@code headers().get("x-ratelimit-limit")} works), values in the order sent;
 *                  unmodifiable
 */
public record CallResponse(Call call, int status, Optional<RateLimitStatus> rateLimit, Map<String, List<String>> headers) {

    public CallResponse {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> copy.merge(name, List.copyOf(values),
                    (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        }
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of the header {@code name} (any case), if the response had it. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Status, call id, rate limit and headers; the call's fields are in {@link #call()}. */
    @Override
    public String toString() {
        return "CallResponse[status=" + status + ", call=" + call.id() + ", rateLimit="
                + rateLimit.map(RateLimitStatus::toString).orElse("(none)") + ", headers=" + headers + "]";
    }
}
