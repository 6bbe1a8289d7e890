package ai.voxworks.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A small stand-in for the real API on loopback (OkHttp's MockWebServer, nothing of ours), which
 * can be told to break one rule at a time: the suite must notice each. Two teams, a key and a
 * call each; each key has {@link #LIMIT} requests, refilled a second after the first refusal. Its
 * windows run on a {@link ManualTime} when given one, the same the run waits on, so that no test
 * waits for real.
 */
final class FakeVoxworks implements AutoCloseable {

    static final String KEY = "vx_fake_key_for_conformance_01";
    static final String OWN = "own_call_1";
    static final String OTHER_KEY = "vx_fake_key_of_another_team_02";
    static final String FOREIGN = "foreign_call_1";
    /** Room for every other case first (at --fuzz 7): the rate-limit cases run last and use it up. */
    static final int LIMIT = 30;
    /** The window the fake promises (what {@code --rate-limit-window} says): a refill a second after a refusal. */
    static final String WINDOW = "2s";

    /** One rule to break, or none. */
    enum Fault {
        NONE,
        LEAKS_FOREIGN_CALL,
        DURATION_AS_STRING,
        NO_RETRY_AFTER,
        RETRY_AFTER_AS_DATE,
        /** X-RateLimit-Remaining does not go down. */
        REMAINING_STUCK,
        /** Retry-After says 1 s, the refill comes after 30. */
        RETRY_AFTER_LIES,
        /** The refill comes 1.6 s after a refusal and Retry-After says 1: rounded down, which whole seconds allow. */
        RETRY_AFTER_ROUNDED_DOWN,
        /** Past the limit, a 404 instead of the 429. */
        LIMITED_AS_404,
        NO_RATE_LIMIT_HEADERS_ON_SUCCESS,
        NO_WWW_AUTHENTICATE,
        /** The 404 for another team's call says so: existence leaks. */
        DIFFERENT_404_FOR_FOREIGN,
        /** Two requests per key, then 429 with Retry-After 30 for 30 s: the cases are rate limited, nothing is broken. */
        RATE_LIMITED_EARLY,
        /** The very first authenticated request gets 429 with Retry-After 1, then all is well. */
        LIMITED_ONCE,
        /** The IETF fields too, all well. */
        IETF,
        /** The IETF fields too, with r not a number. */
        IETF_MALFORMED,
        /** The IETF fields too, r not going down. */
        IETF_REMAINING_STUCK,
        /** The IETF fields too, the 429's reset later than its Retry-After. */
        IETF_RESET_AFTER_RETRY_AFTER,
        /** Accepts the connection, reads the request, and never answers. */
        NEVER_ANSWERS,
        /** Answers POST as it answers GET: 200 with the call. */
        ACCEPTS_POST,
        /** Answers HEAD with the body GET has. */
        HEAD_WITH_BODY,
        /** 500, with an HTML page, for an id with a control character (NUL included). */
        SERVER_ERROR_FOR_ODD_ID,
        /** 400 in plain text for an id with a control character (NUL included). */
        PLAIN_TEXT_400_FOR_ODD_ID,
        /** A 404 that names the id, for an id beyond ASCII: each such 404 differs. */
        DIFFERENT_404_FOR_ODD_ID,
        /** Every answer takes three seconds (of its clock). */
        SLOW,
        /** The first 404 takes two seconds (of its clock); all else is instant. */
        SLOW_ONCE;

        boolean ietf() {
            return name().startsWith("IETF");
        }
    }

    /** One key's window. */
    private static final class Quota {
        int used;
        long refillAt;
    }

    private static final String PATH = "/api/v1/get-call/";
    private static final String NOT_FOUND = "{\"success\":false,\"message\":\"Call not found\"}";

    private final MockWebServer server = new MockWebServer();
    private final Fault fault;
    private final ManualTime time;
    private final int limit;
    private final long refillNanos;
    private final Map<String, Quota> quotas = Map.of(KEY, new Quota(), OTHER_KEY, new Quota());
    private final Map<String, String> ownCall = Map.of(KEY, OWN, OTHER_KEY, FOREIGN);
    private final AtomicBoolean limitedOnce = new AtomicBoolean();
    private final AtomicBoolean slowOnce = new AtomicBoolean();

    /** On the real clock: for the jar, which waits for real. */
    FakeVoxworks(Fault fault) {
        this(fault, null);
    }

    /** On a clock of its own that moves only when the run waits on it ({@link #time()}). */
    static FakeVoxworks onManualTime(Fault fault) {
        return new FakeVoxworks(fault, new ManualTime());
    }

    /** Its clock, when it runs on a manual one; {@code null} on the real clock. */
    ManualTime time() {
        return time;
    }

    /** How many requests it has received. */
    int requestCount() {
        return server.getRequestCount();
    }

    FakeVoxworks(Fault fault, ManualTime time) {
        this.fault = fault;
        this.time = time;
        this.limit = fault == Fault.RATE_LIMITED_EARLY ? 2 : LIMIT;
        this.refillNanos = switch (fault) {
            case RATE_LIMITED_EARLY, RETRY_AFTER_LIES -> TimeUnit.SECONDS.toNanos(30);
            case RETRY_AFTER_ROUNDED_DOWN -> TimeUnit.MILLISECONDS.toNanos(1600);
            default -> TimeUnit.SECONDS.toNanos(1);
        };
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private long now() {
        return time == null ? System.nanoTime() : time.nanoTime();
    }

    private MockResponse handle(RecordedRequest request) {
        MockResponse.Builder reply = new MockResponse.Builder();
        if (fault == Fault.NEVER_ANSWERS) {
            return reply.onResponseStart(SocketEffect.Stall.INSTANCE).build();
        }
        if (fault == Fault.SLOW && time != null) {
            time.advance(Duration.ofSeconds(3));
        }
        String path = URI.create(request.getUrl().encodedPath()).getPath();
        if (!path.startsWith(PATH)) {
            return send(reply, 404, "{\"success\":false,\"message\":\"Not found\"}");
        }
        String id = path.substring(PATH.length());
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method) && !(fault == Fault.ACCEPTS_POST && "POST".equals(method))) {
            reply.addHeader("Allow", "GET, HEAD");
            return send(reply, 405, "{\"success\":false,\"message\":\"Method " + method + " is not allowed\"}");
        }
        boolean odd = id.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
        if (odd && fault == Fault.SERVER_ERROR_FOR_ODD_ID) {
            return reply.code(500).setHeader("Content-Type", "text/html").body("<h1>Internal Server Error</h1>").build();
        }
        if (odd && fault == Fault.PLAIN_TEXT_400_FOR_ODD_ID) {
            return reply.code(400).setHeader("Content-Type", "text/plain").body("Bad Request").build();
        }
        String auth = request.getHeaders().get("Authorization");
        String key = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7) : null;
        if (key == null || !quotas.containsKey(key)) {
            if (fault != Fault.NO_WWW_AUTHENTICATE) {
                reply.addHeader("WWW-Authenticate", "Bearer");
            }
            return send(reply, 401, "{\"success\":false,\"message\":\"Invalid API key\"}");
        }
        if (fault == Fault.LIMITED_ONCE && !limitedOnce.getAndSet(true)) {
            reply.addHeader("Retry-After", "1");
            return send(reply, 429, "{\"success\":false,\"message\":\"Rate limit exceeded\"}");
        }
        long retryAfterNanos = take(quotas.get(key));
        long retryAfter = seconds(retryAfterNanos, fault != Fault.RETRY_AFTER_ROUNDED_DOWN);
        boolean refused = retryAfterNanos > 0;
        int remaining = refused ? 0 : limit - quotas.get(key).used;
        if (refused || fault != Fault.NO_RATE_LIMIT_HEADERS_ON_SUCCESS) {
            reply.addHeader("X-RateLimit-Limit", Integer.toString(limit));
            reply.addHeader("X-RateLimit-Remaining",
                    Integer.toString(fault == Fault.REMAINING_STUCK && !refused ? limit - 1 : remaining));
        }
        if (fault.ietf()) {
            ietf(reply, refused, remaining, retryAfter);
        }
        MockResponse response;
        if (refused && fault == Fault.LIMITED_AS_404) {
            response = send(reply, 404, NOT_FOUND);
        } else if (refused) {
            switch (fault) {
                case NO_RETRY_AFTER -> reply.removeHeader("Retry-After");
                case RETRY_AFTER_AS_DATE -> reply.addHeader("Retry-After",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(retryAfter)));
                case RETRY_AFTER_LIES -> reply.addHeader("Retry-After", "1");
                default -> reply.addHeader("Retry-After", Long.toString(retryAfter));
            }
            response = send(reply, 429, "{\"success\":false,\"message\":\"Rate limit exceeded\"}");
        } else if (id.equals(ownCall.get(key)) || (fault == Fault.LEAKS_FOREIGN_CALL && ownCall.containsValue(id))) {
            String duration = fault == Fault.DURATION_AS_STRING ? "\"abc\"" : "42";
            response = send(reply, 200, "{\"success\":true,\"call\":{\"id\":\"" + id + "\",\"team_id\":\"t\",\"status\":\"completed\","
                    + "\"duration\":" + duration + ",\"end_time\":\"2026-11-20T14:03:31Z\"}}");
        } else if (fault == Fault.DIFFERENT_404_FOR_FOREIGN && ownCall.containsValue(id)) {
            response = send(reply, 404, "{\"success\":false,\"message\":\"Call belongs to another team\"}");
        } else if (fault == Fault.DIFFERENT_404_FOR_ODD_ID && id.chars().anyMatch(c -> c > 0x7F)) {
            response = send(reply, 404, "{\"success\":false,\"message\":\"No call " + id.replace("\"", "") + "\"}");
        } else {
            if (fault == Fault.SLOW_ONCE && time != null && !slowOnce.getAndSet(true)) {
                time.advance(Duration.ofSeconds(2));
            }
            response = send(reply, 404, NOT_FOUND);
        }
        if (!head) {
            return response;
        }
        // HEAD answers as GET, without the body (but where the fault says otherwise), and closes as asked.
        MockResponse.Builder headReply = response.newBuilder().onResponseEnd(new SocketEffect.CloseSocket());
        return (fault == Fault.HEAD_WITH_BODY ? headReply : headReply.body("")).build();
    }

    /** {@code RateLimit-Policy} and {@code RateLimit}, each broken only where the fault says. */
    private void ietf(MockResponse.Builder reply, boolean refused, int remaining, long retryAfter) {
        reply.addHeader("RateLimit-Policy", "\"default\";q=" + limit + ";w=" + WINDOW.replace("s", ""));
        String r = switch (fault) {
            case IETF_MALFORMED -> "abc";
            case IETF_REMAINING_STUCK -> Integer.toString(refused ? 0 : limit - 1);
            default -> Integer.toString(remaining);
        };
        long t = fault == Fault.IETF_RESET_AFTER_RETRY_AFTER ? retryAfter + 30 : retryAfter;
        reply.addHeader("RateLimit", "\"default\";r=" + r + (refused ? ";t=" + t : ""));
    }

    /** Takes a request from the key's window; returns 0 when it passes, else the time until the refill. */
    private synchronized long take(Quota quota) {
        long now = now();
        if (quota.refillAt != 0 && now - quota.refillAt >= 0) {
            quota.used = 0;
            quota.refillAt = 0;
        }
        if (quota.used < limit) {
            quota.used++;
            return 0;
        }
        if (quota.refillAt == 0) {
            quota.refillAt = now + refillNanos;
        }
        return Math.max(1, quota.refillAt - now);
    }

    /** Whole seconds, rounded up (the truth) or down (what some servers send), at least 1 once refused. */
    private static long seconds(long nanos, boolean up) {
        if (nanos == 0) {
            return 0;
        }
        long second = TimeUnit.SECONDS.toNanos(1);
        return Math.max(1, up ? (nanos + second - 1) / second : nanos / second);
    }

    private static MockResponse send(MockResponse.Builder reply, int status, String body) {
        return reply.code(status).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
