package ai.voxworks.mock.internal.http;

import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** The spec's {@code ErrorResponse}: {@code {"success":false,"message":"..."}}. */
final class ErrorBody {

    // The streaming layer only: databind is not needed for two fields, and keeping it off the
    // start-up thread lets Jetty start while the fixtures load.
    private static final JsonFactory FACTORY = new JsonFactory();

    private ErrorBody() {
    }

    /** The body for this message, with the message JSON-escaped. */
    static byte[] of(String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + message.length());
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeBooleanProperty("success", false);
            json.writeStringProperty("message", message);
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    /** A prepared error reply. */
    static Reply reply(int status, String message) {
        return Reply.json(status, of(message));
    }
}
