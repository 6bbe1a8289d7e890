package ai.voxworks.client;

/** Any other error status the API answered with (400, 403, 405, ...). Never retried. */
public final class ApiException extends VoxworksException {
    ApiException(String message, int status, String serverMessage) {
        super(message, status, serverMessage, null);
    }
}
