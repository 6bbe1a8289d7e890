package ai.voxworks.jshell;

import ai.voxworks.client.Call;
import ai.voxworks.client.CallResponse;
import ai.voxworks.client.RateLimitException;
import ai.voxworks.client.VoxworksException;
import java.util.Optional;

/**
 * How JShell shows the client's values in the launcher: a {@link Call} carries its transcript and
 * JSON, and its record {@code toString()} fills a screen, so the echo of {@code call(id)} and
 * {@code /vars} show one short line instead. The fields stay one {@code c.} and Tab away.
 */
final class Display {

    private Display() {
    }

    /** The short form of {@code value}, or empty to let JShell show it as usual. */
    static Optional<String> brief(Object value) {
        if (value instanceof Call call) {
            return Optional.of(brief(call));
        }
        if (value instanceof CallResponse response) {
            return Optional.of("CallResponse[status=" + response.status() + ", call=" + response.call().id()
                    + response.rateLimit().map(r -> ", rateLimit=" + r.remaining() + (r.limit() == null ? "" : "/" + r.limit()))
                    .orElse("") + ", …]");
        }
        return Optional.empty();
    }

    /**
     * The one line an error of the toolkit is shown as, or empty for any other exception (a bug in
     * a snippet keeps its stack trace). Errors of the toolkit: the API's answers
     * ({@link VoxworksException}) and arguments the toolkit refused (thrown from its own code).
     */
    static Optional<String> errorLine(Throwable e) {
        if (e instanceof RateLimitException limited) {
            return Optional.of(e.getMessage() + limited.retryAfter().map(d -> " (retry after " + d.toSeconds() + " s)").orElse(""));
        }
        if (e instanceof VoxworksException) {
            return Optional.of(e.getMessage());
        }
        boolean refused = e instanceof IllegalArgumentException || e instanceof IllegalStateException;
        StackTraceElement[] stack = e.getStackTrace();
        if (refused && e.getMessage() != null && stack.length > 0 && stack[0].getClassName().startsWith("ai.voxworks.")) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * {@code Call[id=call_nw_1001, status=completed, duration=204, …]}: short enough for JShell to
     * show whole (it cuts a declaration's value at 80 characters).
     */
    static String brief(Call call) {
        return "Call[id=" + call.id() + ", status=" + call.status()
                + (call.duration() == null ? "" : ", duration=" + call.duration()) + ", …]";
    }
}
