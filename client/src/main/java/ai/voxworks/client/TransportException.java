package ai.voxworks.client;

/** No usable response: the connection failed, timed out or was reset. Retried. Keeps its cause. */
public final class TransportException extends VoxworksException {
    TransportException(String message, Throwable cause) {
        super(message, 0, null, cause);
    }
}
