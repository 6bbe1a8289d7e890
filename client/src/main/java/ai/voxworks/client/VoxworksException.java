package ai.voxworks.client;

/**
 * Base of every error the client reports. Unchecked, so JShell snippets, lambdas and futures stay
 * readable. Carries the HTTP status (0 when no response arrived) and the server's {@code message}.
 * Never carries the API key.
 *
 * <p>Only this package creates them: one final subclass per cause, so {@code catch} clauses and
 * {@code instanceof} checks name every case there is.
 */
public abstract class VoxworksException extends RuntimeException {

    private final int status;
    private final String serverMessage;

    VoxworksException(String message, int status, String serverMessage, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serverMessage = serverMessage;
    }

    /** The HTTP status, or 0 when the request failed before a response arrived. */
    public int status() {
        return status;
    }

    /** The {@code message} of the server's error body, or {@code null} when there was none. */
    public String serverMessage() {
        return serverMessage;
    }
}
