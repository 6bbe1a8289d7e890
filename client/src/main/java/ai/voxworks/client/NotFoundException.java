package ai.voxworks.client;

/** 404: no such call, or it belongs to another team (the API does not say which). Never retried. */
public final class NotFoundException extends VoxworksException {
    NotFoundException(String message, String serverMessage) {
        super(message, 404, serverMessage, null);
    }
}
