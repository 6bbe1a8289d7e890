package ai.voxworks.mock.http;

import ai.voxworks.mock.fixtures.CallFixture;
import ai.voxworks.mock.fixtures.FixtureException;
import ai.voxworks.mock.fixtures.FixtureLoader;
import ai.voxworks.mock.fixtures.FixtureProblem;
import ai.voxworks.mock.fixtures.FixtureSet;
import ai.voxworks.mock.fixtures.FixtureStore;
import ai.voxworks.mock.fixtures.FixtureWatcher;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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

    private final FixtureStore store;
    private final FixtureLoader loader;
    private final Supplier<FixtureSet> reload;
    private final Supplier<FixtureWatcher.Status> reloadStatus;
    private final RateLimiting rateLimiting;
    private final RequestJournal journal;

    AdminRoutes(FixtureStore store, FixtureLoader loader, Supplier<FixtureSet> reload,
                Supplier<FixtureWatcher.Status> reloadStatus, RateLimiting rateLimiting, RequestJournal journal) {
        this.store = store;
        this.loader = loader;
        this.reload = reload;
        this.reloadStatus = reloadStatus;
        this.rateLimiting = rateLimiting;
        this.journal = journal;
    }

    void register(RoutesConfig routes) {
        routes.before(PREFIX + "/*", this::requireJsonForChanges);
        routes.get(PREFIX + "/health", this::health);
        routes.get(PREFIX + "/calls", this::listCalls);
        routes.put(PREFIX + "/calls/{id}", this::putCall);
        routes.delete(PREFIX + "/calls/{id}", this::deleteCall);
        routes.post(PREFIX + "/reset", this::reset);
        routes.get(PREFIX + "/requests", this::requests);
    }

    private void requireJsonForChanges(Context ctx) {
        HandlerType method = ctx.method();
        boolean change = method == HandlerType.PUT || method == HandlerType.POST || method == HandlerType.DELETE;
        String type = ctx.contentType();
        if (change && (type == null || !type.toLowerCase().startsWith("application/json"))) {
            throw new ApiError(ErrorBody.reply(415,
                    "Changes to the mock need 'Content-Type: application/json' (it keeps web pages out)"));
        }
    }

    private void health(Context ctx) {
        FixtureSet set = store.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("source", set.source());
        body.put("calls", set.calls().size());
        body.put("teams", set.teams().size());
        FixtureWatcher.Status last = reloadStatus.get();
        if (last != null) {
            body.put("last_reload", Map.of("at", last.at().toString(), "ok", last.ok(), "problems", problems(last.problems())));
        }
        send(ctx, 200, body);
    }

    private void listCalls(Context ctx) {
        List<Map<String, String>> calls = store.current().sortedCalls().stream().map(AdminRoutes::summary).toList();
        send(ctx, 200, Map.of("calls", calls));
    }

    private void putCall(Context ctx) {
        String id = ctx.pathParam("id");
        FixtureSet current = store.current();
        CallFixture call;
        try {
            call = loader.parseCall(ctx.bodyAsBytes(), "request body", id, current);
        } catch (FixtureException e) {
            FixtureProblem first = e.problems().get(0);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", false);
            body.put("message", "Invalid call: " + (first.pointer().isEmpty() ? "" : first.pointer() + ": ") + first.reason());
            body.put("problems", problems(e.problems()));
            send(ctx, 400, body);
            return;
        }
        boolean replaced = current.calls().containsKey(id);
        store.update(set -> set.withCall(call));
        send(ctx, replaced ? 200 : 201, summary(call));
    }

    private void deleteCall(Context ctx) {
        String id = ctx.pathParam("id");
        if (store.current().calls().get(id) == null) {
            throw new ApiError(ErrorBody.reply(404, "No call '" + id + "' in the mock"));
        }
        store.update(set -> set.withoutCall(id));
        ctx.status(204);
    }

    private void reset(Context ctx) {
        FixtureSet fresh;
        try {
            fresh = reload.get();
        } catch (FixtureException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", false);
            body.put("message", "The fixtures on disk are invalid; nothing was reset");
            body.put("problems", problems(e.problems()));
            send(ctx, 409, body);
            return;
        }
        store.replace(fresh);
        rateLimiting.reset();
        journal.clear();
        send(ctx, 200, Map.of("success", true, "calls", fresh.calls().size(), "teams", fresh.teams().size()));
    }

    private void requests(Context ctx) {
        List<Map<String, Object>> entries = journal.newestFirst().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", e.time().toString());
            m.put("method", e.method());
            m.put("path", e.path());
            m.put("status", e.status());
            m.put("team", e.team());
            m.put("key", e.key());
            m.put("latency_ms", Math.round(e.latencyMs() * 10) / 10.0);
            return m;
        }).toList();
        send(ctx, 200, Map.of("capacity", journal.capacity(), "requests", entries));
    }

    private static Map<String, String> summary(CallFixture call) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", call.id());
        m.put("team_id", call.teamId());
        m.put("status", call.status());
        return m;
    }

    private static List<Map<String, String>> problems(List<FixtureProblem> problems) {
        return problems.stream().map(p -> Map.of("file", p.file(), "pointer", p.pointer(), "reason", p.reason())).toList();
    }

    private void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(Responder.JSON).result(Json.MAPPER.writeValueAsBytes(body));
    }

    /** Built on the first admin request, so the server's start-up does not wait for Jackson. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }
}
