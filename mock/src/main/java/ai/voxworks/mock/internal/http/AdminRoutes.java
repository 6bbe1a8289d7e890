package ai.voxworks.mock.internal.http;

import ai.voxworks.client.internal.Durations;
import ai.voxworks.mock.CallSummary;
import ai.voxworks.mock.FixtureProblem;
import ai.voxworks.mock.InvalidFixturesException;
import ai.voxworks.mock.RecordedRequest;
import ai.voxworks.mock.internal.fixtures.FixtureSet;
import ai.voxworks.mock.internal.fixtures.FixtureWatcher;
import ai.voxworks.mock.internal.fixtures.PreparedCall;
import ai.voxworks.mock.internal.fixtures.RuntimeChanges;
import ai.voxworks.mock.internal.fixtures.Timeline;
import ai.voxworks.mock.internal.fixtures.TimelineWriter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
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
                  @JsonInclude(JsonInclude.Include.NON_NULL) LastReload lastReload, BucketStore.Status rateLimitStore,
                  TimelineHealth timelines) {
    }

    /** The moving calls, whether their timelines run, and how far the mock's time has been moved. */
    record TimelineHealth(List<String> movingCalls, boolean running, String advanced,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    }

    /** A moving call's timeline and where it is ({@code GET /__mock/calls/{id}/timeline}). */
    record TimelineBody(String id, boolean running, int stage, @JsonInclude(JsonInclude.Include.NON_NULL) String elapsed,
                        List<StageBody> stages, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
        static TimelineBody of(MockControl.TimelineState state) {
            Timeline timeline = state.call().timeline();
            List<StageBody> stages = new ArrayList<>();
            for (int i = 0; i < timeline.size(); i++) {
                Timeline.Stage s = timeline.stage(i);
                stages.add(new StageBody(i, TimelineWriter.at(s.at()), s.status(), s.progress()));
            }
            Duration elapsed = state.elapsed();
            return new TimelineBody(state.call().id(), state.running(), state.stage(),
                    elapsed == null ? null : Durations.format(elapsed.truncatedTo(ChronoUnit.MILLIS)), stages,
                    !state.running() ? TIMELINES_OFF : elapsed == null ? "not asked for yet: its next request starts it" : null);
        }
    }

    record StageBody(int stage, String at, String status, String progress) {
    }

    record Advanced(boolean success, String advanced, String total) {
    }

    static final String TIMELINES_OFF = "timelines do not run while replicas share their rate limits: each moving call "
            + "answers its last stage, on every replica alike";

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
                 @JsonInclude(JsonInclude.Include.NON_NULL) String fault,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Integer stage) {
        static Entry of(RecordedRequest r) {
            return new Entry(r.time().toString(), r.method(), r.path(), r.status(), r.teamId(), r.maskedKey(), r.latencyMs(),
                    r.fault(), r.stage());
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
        routes.get(PREFIX + "/calls/{id}/timeline", this::timeline);
        routes.post(PREFIX + "/calls/{id}/timeline", this::moveTimeline);
        routes.post(PREFIX + "/advance", this::advance);
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
        List<String> moving = set.calls().values().stream().filter(c -> c.timeline() != null).map(PreparedCall::id)
                .sorted().toList();
        send(ctx, 200, new Health(degraded ? "degraded" : "ok", set.source(), set.calls().size(), set.teams().size(),
                Changes.of(control.changes()), last == null ? null : new LastReload(last.at().toString(), last.ok(), last.problems()), store,
                new TimelineHealth(moving, control.timelinesRun(), Durations.format(control.advanced().truncatedTo(ChronoUnit.MILLIS)),
                        control.timelinesRun() ? null : TIMELINES_OFF)));
    }

    private void timeline(Context ctx) {
        try {
            send(ctx, 200, TimelineBody.of(control.timeline(ctx.pathParam("id"))));
        } catch (MockControl.NoTimeline e) {
            throw new Refusal(ErrorBody.reply(404, e.getMessage()));
        }
    }

    /** {@code {"stage": 2}} (the start of that stage) or {@code {"forward": "10s"}}. */
    private void moveTimeline(Context ctx) {
        String id = ctx.pathParam("id");
        JsonNode body = object(ctx, "{\"stage\": 2} or {\"forward\": \"10s\"}");
        JsonNode stage = body.get("stage");
        JsonNode forward = body.get("forward");
        if ((stage == null) == (forward == null) || body.size() != 1) {
            throw new Refusal(ErrorBody.reply(400, "Move a timeline with {\"stage\": 2} (to the start of a stage, from 0) "
                    + "or {\"forward\": \"10s\"} (" + Durations.FORMS + "): one of them, nothing else"));
        }
        MockControl.TimelineState moved;
        try {
            if (stage != null) {
                if (!stage.isIntegralNumber() || !stage.canConvertToInt()) {
                    throw new IllegalArgumentException("stage must be a whole number, the stage's index from 0, not " + stage);
                }
                moved = control.toStage(id, stage.asInt());
            } else {
                if (!forward.isString()) {
                    throw new IllegalArgumentException("forward must be a duration in a string, such as \"10s\", not " + forward);
                }
                moved = control.forward(id, Durations.parse(forward.asString(), "forward", Duration.ZERO, MockControl.LONGEST_STEP));
            }
        } catch (MockControl.ReplicasWouldDisagree e) {
            throw new Refusal(ErrorBody.reply(409, e.getMessage()));
        } catch (MockControl.NoTimeline e) {
            throw new Refusal(ErrorBody.reply(404, e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new Refusal(ErrorBody.reply(400, e.getMessage()));
        }
        send(ctx, 200, TimelineBody.of(moved));
    }

    /** {@code {"by": "30s"}}: the mock's time, every rate-limit window and timeline with it. */
    private void advance(Context ctx) {
        JsonNode body = object(ctx, "{\"by\": \"30s\"}");
        JsonNode by = body.get("by");
        if (by == null || !by.isString() || body.size() != 1) {
            throw new Refusal(ErrorBody.reply(400, "Move the mock's time with {\"by\": \"30s\"} (" + Durations.FORMS
                    + "), nothing else"));
        }
        try {
            control.advance(Durations.parse(by.asString(), "by", Duration.ZERO, MockControl.LONGEST_STEP));
        } catch (MockControl.ReplicasWouldDisagree e) {
            throw new Refusal(ErrorBody.reply(409, e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new Refusal(ErrorBody.reply(400, e.getMessage()));
        }
        send(ctx, 200, new Advanced(true, by.asString().strip(), Durations.format(control.advanced().truncatedTo(ChronoUnit.MILLIS))));
    }

    /** The request's body as a JSON object, or a 400 that shows the form expected. */
    private static JsonNode object(Context ctx, String example) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new Refusal(ErrorBody.reply(400, "The body must be a JSON object, such as " + example));
        }
        return body;
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
