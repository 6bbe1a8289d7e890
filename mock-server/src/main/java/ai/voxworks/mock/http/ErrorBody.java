package ai.voxworks.mock.http;

import tools.jackson.databind.json.JsonMapper;

/** The spec's {@code ErrorResponse}: {@code {"success":false,"message":"..."}}. */
final class ErrorBody {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ErrorBody() {
    }

    /** The body for this message, with the message JSON-escaped. */
    static byte[] of(String message) {
        return MAPPER.writeValueAsBytes(new Body(false, message));
    }

    /** A prepared error reply. */
    static Reply reply(int status, String message) {
        return Reply.json(status, of(message));
    }

    private record Body(boolean success, String message) {
    }
}
