package ai.voxworks.mock.internal.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches the application (a malformed request line, an
 * oversized header, an ambiguous URI) get the spec's {@code ErrorResponse} JSON instead of an
 * HTML page, and never a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message,
                                    Throwable cause, Callback callback) {
        String reason = HttpStatus.getMessage(code);
        String text = code >= 500 ? "Internal server error"
                : message == null || message.isBlank() || message.equals(reason) ? reason
                : reason + ": " + message;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responder.JSON);
        response.write(true, ByteBuffer.wrap(ErrorBody.of(text)), callback);
    }
}
