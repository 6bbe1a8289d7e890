package ai.voxworks.client;

/**
 * A response the client could not read as the API's: not JSON (an HTML page from a proxy),
 * empty, cut off, or of the wrong shape. The message names the status and a short snippet.
 */
public final class UnexpectedResponseException extends VoxworksException {
    UnexpectedResponseException(String message, int status, Throwable cause) {
        super(message, status, null, cause);
    }
}
