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
 * oversized header, an HTTP/2 preface, {@code OPTIONS *}) get the spec's {@code ErrorResponse}
 * JSON instead of an HTML page or an empty body, for every method, and never a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

    /** Jetty writes a body only for GET, POST and HEAD by default; every error here is JSON. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message,
                                    Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responder.JSON);
        response.write(true, ByteBuffer.wrap(ErrorBody.of(text(code, message))), callback);
    }

    /** The reason phrase, and Jetty's detail when it adds something a client can act on. */
    static String text(int code, String message) {
        String reason = HttpStatus.getMessage(code);
        return switch (code) {
            case 426 -> "Upgrade Required: this mock speaks HTTP/1.1 only";
            case 505 -> "HTTP Version Not Supported: use HTTP/1.1";
            default -> code >= 500 ? "Internal server error"
                    : message == null || message.isBlank() || message.equals(reason) ? reason
                    : reason + ": " + message;
        };
    }
}
