package ai.voxworks.client;

import ai.voxworks.client.internal.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns a response into a {@link CallResponse} or the matching {@link VoxworksException}: one switch,
 * one place. Reads with Jackson's streaming parser only ({@code jackson-core}, no databind), so the
 * client needs no {@code jackson-annotations}: builds whose dependency management pins those to an
 * older line (Spring Boot 3's 2.19) run it unchanged.
 */
final class Responses {

    /** Call's components are the list of documented fields; the table is built once. */
    static final RecordReader<Call> CALL = RecordReader.of(Call.class);
    private static final int SNIPPET = 120;

    private final JsonFactory json;
    private final Clock clock;
    private final String apiKey;

    Responses(JsonFactory json, Clock clock, String apiKey) {
        this.json = json;
        this.clock = clock;
        this.apiKey = apiKey;
    }

    /**
     * What a 200 brought, as read: the call, and what a {@link CallResponse} is made of on demand
     * (most calls are {@code getCall}, which needs no headers map or rate-limit status).
     */
    record Fetched(Call call, int status, Headers headers) {
    }

    /** The call of a 200 with its status and headers, or the exception for anything else. */
    Fetched read(int status, Headers headers, byte[] body) {
        if (status != 200) {
            throw error(status, headers, body);
        }
        return new Fetched(call(status, body), status, headers);
    }

    /** The call with its response's status, rate-limit status and headers (the key scrubbed from them). */
    CallResponse response(Fetched fetched) {
        return new CallResponse(fetched.call(), fetched.status(), RateLimitHeaders.status(fetched.headers(), clock),
                headers(fetched.headers()));
    }

    private VoxworksException error(int status, Headers headers, byte[] body) {
        String serverMessage = serverMessage(body);
        String message = "HTTP " + status + ": " + (serverMessage != null ? serverMessage
                : body.length == 0 ? "(empty body)" : "unexpected body: " + snippet(body));
        message = scrub(message);
        serverMessage = serverMessage == null ? null : scrub(serverMessage);
        return switch (status) {
            case 401 -> new AuthenticationException(message, serverMessage);
            case 404 -> new NotFoundException(message, serverMessage);
            case 429 -> new RateLimitException(message, serverMessage, RateLimitHeaders.retryAfter(headers, clock),
                    RateLimitHeaders.status(headers, clock).orElse(null));
            case 300, 301, 302, 303, 307, 308 -> new ApiException(scrub("HTTP " + status + ": redirected to "
                    + (headers.get("Location") == null ? "(no Location)" : headers.get("Location"))
                    + "; the client does not follow redirects, so the key goes to the base URL only "
                    + "(VoxworksClient.Builder.followRedirects(true) follows them)"), status, serverMessage);
            default -> status >= 500 ? new ServerException(message, status, serverMessage)
                    : new ApiException(message, status, serverMessage);
        };
    }

    /** The top-level {@code message} string of an {@code ErrorResponse} body, or {@code null} when it is not one. */
    private String serverMessage(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String message = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("message".equals(name) && value == JsonToken.VALUE_STRING) {
                    message = parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
            return message;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** One pass over {@code {"success":true,"call":{...}}}: the call object straight into a {@link Call}. */
    private Call call(int status, byte[] body) {
        if (body.length == 0) {
            throw unexpected(status, "empty body", null);
        }
        Call call = null;
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw unexpected(status, "no \"call\" object in " + snippet(body), null);
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_OBJECT && "call".equals(name) && call == null) {
                    call = CALL.read(parser, body);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw unexpected(status, "not JSON: " + snippet(body), null);
            }
        } catch (JacksonException e) {
            throw unexpected(status, "not JSON: " + snippet(body), e);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw unexpected(status, "a call of the wrong shape: " + e.getMessage(), e);
        }
        if (call == null) {
            throw unexpected(status, "no \"call\" object in " + snippet(body), null);
        }
        return call;
    }

    /** The response headers by name, in order; a key the server echoes back is masked. */
    private Map<String, List<String>> headers(Headers headers) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            byName.computeIfAbsent(headers.name(i), n -> new ArrayList<>(1)).add(scrub(headers.value(i)));
        }
        return byName;
    }

    UnexpectedResponseException unexpected(int status, String what, Throwable cause) {
        return new UnexpectedResponseException(scrub("HTTP " + status + ": " + what), status, cause);
    }

    private String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, SNIPPET * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return "'" + (text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text) + "'";
    }

    /** A server could echo the key back, in any letter case; it never reaches a message. */
    String scrub(String text) {
        return ApiKeys.redact(text, apiKey);
    }
}
