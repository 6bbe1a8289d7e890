package ai.voxworks.mock.http;

/**
 * Stops a request with a prepared {@link Reply}. Control flow, not a fault: it carries no stack
 * trace, so refusing a request costs no more than serving one.
 */
final class ApiError extends RuntimeException {

    private final transient Reply reply;

    ApiError(Reply reply) {
        super("HTTP " + reply.status(), null, false, false);
        this.reply = reply;
    }

    Reply reply() {
        return reply;
    }
}
