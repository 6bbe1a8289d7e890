package ai.voxworks.client;

/** 401: the API key is missing, malformed or unknown. Never retried. */
public final class AuthenticationException extends VoxworksException {
    AuthenticationException(String message, String serverMessage) {
        super(message, 401, serverMessage, null);
    }
}
