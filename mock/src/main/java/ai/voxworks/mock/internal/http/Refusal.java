package ai.voxworks.mock.internal.http;

/**
 * How a step of the pipeline stops a request: it throws this with the prepared {@link Reply}
 * to send instead. Control flow, not a fault: it carries no stack trace, so refusing a request
 * costs no more than serving one.
 */
final class Refusal extends RuntimeException {

    private final transient Reply reply;

    Refusal(Reply reply) {
        super("HTTP " + reply.status(), null, false, false);
        this.reply = reply;
    }

    Reply reply() {
        return reply;
    }
}
