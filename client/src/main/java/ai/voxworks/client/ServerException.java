package ai.voxworks.client;

/** 5xx: the server (or a proxy in front of it) failed. 500, 502, 503 and 504 are retried. */
public final class ServerException extends VoxworksException {
    ServerException(String message, int status, String serverMessage) {
        super(message, status, serverMessage, null);
    }
}
