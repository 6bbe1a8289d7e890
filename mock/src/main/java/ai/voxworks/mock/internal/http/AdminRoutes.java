package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.CallSummary;
import ai.voxworks.mock.FixtureProblem;
import ai.voxworks.mock.InvalidFixturesException;
import ai.voxworks.mock.RecordedRequest;
import ai.voxworks.mock.internal.fixtures.FixtureSet;
import ai.voxworks.mock.internal.fixtures.FixtureWatcher;
import ai.voxworks.mock.internal.fixtures.PreparedCall;
import ai.voxworks.mock.internal.fixtures.RuntimeChanges;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime data API under {@code /__mock}, for frontend teams: list, add, replace and delete
 * calls, reset everything, and read the request journal. Changes show in the next get-call at
 * once. No CORS here, and changes need {@code Content-Type: application/json}, so a web page the
 * developer happens to open cannot change the mock's data (that would need a preflight, which
 * these routes do not answer).
 */
final class AdminRoutes {

    static final String PREFIX = "/__mock";

    // What the routes answer, as Jackson writes them (snake_case names).
    record Health(String status, String source, int calls, int teams, Changes runtimeChanges,
                  @JsonInclude(JsonInclude.Include.NON_NULL) LastReload lastReload, BucketStore.Status rateLimitStore) {
    }

    /** The calls put and deleted through here (or MockServer's methods), in force over reloads until a reset. */
    record Changes(int inForce, Set<String> put, Set<String> deleted) {
        static Changes of(RuntimeChanges changes) {
            return new Changes(changes.count(), changes.putIds(), changes.removedIds());
        }
    }

    record LastReload(String at, boolean ok, List<FixtureProblem> problems) {
    }

    record CallList(List<CallSummary> calls) {
    }

    record Refused(boolean success, String message, List<FixtureProblem> problems) {
    }

    record ResetDone(boolean success, int calls, int teams, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    }

    record Journal(int capacity, int runtimeChanges, List<Entry> requests) {
    }

    record Entry(String time, String method, String path, int status, String team, String key, double latencyMs,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String fault) {
        static Entry of(RecordedRequest r) {
            return new Entry(r.time().toString(), r.method(), r.path(), r.status(), r.teamId(), r.maskedKey(), r.latencyMs(),
                    r.fault());
        }
    }

    private final MockControl control;
    private final HostCheck hosts;

    AdminRoutes(MockControl control, HostCheck hosts) {
        this.control = control;
        this.hosts = hosts;
    }

    void register(RoutesConfig routes) {
        routes.before(PREFIX + "/*", this::guardChanges);
        routes.get(PREFIX + "/health", this::health);
        routes.get(PREFIX + "/calls", this::listCalls);
        routes.put(PREFIX + "/calls/{id}", this::putCall);
        routes.delete(PREFIX + "/calls/{id}", this::deleteCall);
        routes.post(PREFIX + "/reset", this::reset);
        routes.get(PREFIX + "/requests", this::requests);
    }

    /**
     * A change needs {@code Content-Type: application/json} (a cross-origin page cannot send that
     * without a preflight, which is never answered here) and no {@code Origin} but the mock's own
     * under a name of this machine (a page on a rebound name is same-origin, but its {@code Origin}
     * still names it; {@code --allowed-hosts *} lets it read, never write).
     */
    private void guardChanges(Context ctx) {
        HandlerType method = ctx.method();
        if (method != HandlerType.PUT && method != HandlerType.POST && method != HandlerType.DELETE) {
            return;
        }
        if (!isJson(ctx.contentType())) {
            throw new Refusal(ErrorBody.reply(415,
                    "Changes to the mock need 'Content-Type: application/json' (it keeps web pages out)"));
        }
        String origin = ctx.header("Origin");
        String host = HostCheck.authority(ctx);
        if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host) || !hosts.names(host))) {
            throw new Refusal(ErrorBody.reply(403, "Changes to the mock are not taken from web pages of another origin; "
                    + "send them without an Origin header (curl, tests) or from the mock's own pages"));
        }
    }

    /** {@code application/json}, in any letter case, with parameters or without ({@code ; charset=utf-8}); nothing else. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().equalsIgnoreCase("application/json");
    }

    private void health(Context ctx) {
        FixtureSet set = control.current();
        FixtureWatcher.Status last = control.lastReload();
        BucketStore.Status store = control.limiter().storeStatus();
        boolean degraded = last != null && !last.ok() || !store.reachable();
        send(ctx, 200, new Health(degraded ? "degraded" : "ok", set.source(), set.calls().size(), set.teams().size(),
                Changes.of(control.changes()), last == null ? null : new LastReload(last.at().toString(), last.ok(), last.problems()), store));
    }

    private void listCalls(Context ctx) {
        send(ctx, 200, new CallList(control.current().calls().values().stream()
                .sorted(Comparator.comparing(PreparedCall::teamId).thenComparing(PreparedCall::id))
                .map(PreparedCall::summary)
                .toList()));
    }

    private void putCall(Context ctx) {
        MockControl.Stored stored;
        try {
            stored = control.put(ctx.bodyAsBytes(), "request body", ctx.pathParam("id"));
        } catch (MockControl.ReplicasWouldDisagree e) {
            throw new Refusal(ErrorBody.reply(409, e.getMessage()));
        } catch (InvalidFixturesException e) {
            FixtureProblem first = e.problems().get(0);
            send(ctx, 400, new Refused(false,
                    "Invalid call: " + (first.pointer().isEmpty() ? "" : first.pointer() + ": ") + first.reason(),
                    e.problems()));
            return;
        }
        send(ctx, stored.replaced() ? 200 : 201, stored.call().summary());
    }

    private void deleteCall(Context ctx) {
        String id = ctx.pathParam("id");
        boolean removed;
        try {
            removed = control.remove(id);
        } catch (MockControl.ReplicasWouldDisagree e) {
            throw new Refusal(ErrorBody.reply(409, e.getMessage()));
        }
        if (!removed) {
            throw new Refusal(ErrorBody.reply(404, "No call '" + id + "' in the mock"));
        }
        ctx.status(204);
    }

    private void reset(Context ctx) {
        FixtureSet fresh;
        try {
            fresh = control.reset();
        } catch (InvalidFixturesException e) {
            send(ctx, 409, new Refused(false, "The fixtures on disk are invalid; nothing was reset", e.problems()));
            return;
        } catch (IllegalStateException e) {
            throw new Refusal(ErrorBody.reply(503, e.getMessage() + "; nothing was reset"));
        }
        send(ctx, 200, new ResetDone(true, fresh.calls().size(), fresh.teams().size(), !control.shared() ? null
                : "rate limits refilled for every replica sharing " + control.limiter().storeUrl()
                + "; this replica's journal cleared; data not reloaded: it is the fixtures directory every replica watches"));
    }

    private void requests(Context ctx) {
        send(ctx, 200, new Journal(control.journal().capacity(), control.changes().count(), control.requests().stream().map(Entry::of).toList()));
    }

    private static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(Responder.JSON).result(Json.MAPPER.writeValueAsBytes(body));
    }

    /** Built on the first admin request, so the server's start-up does not wait for Jackson. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
    }
}
