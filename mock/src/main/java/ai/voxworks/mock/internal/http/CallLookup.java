package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.internal.fixtures.FixtureStore;
import ai.voxworks.mock.internal.fixtures.PreparedCall;

/**
 * Step 3: the caller's own call, by id. Another team's call is answered exactly like an unknown
 * id, with the same bytes, so a key cannot probe which ids exist. A call that moves answers the
 * prepared body of the stage its timeline has reached ({@link Timelines}); its first request starts it.
 */
final class CallLookup {

    static final Reply NOT_FOUND = ErrorBody.reply(404, "Call not found");

    private final FixtureStore fixtures;
    private final Timelines timelines;

    CallLookup(FixtureStore fixtures, Timelines timelines) {
        this.fixtures = fixtures;
        this.timelines = timelines;
    }

    /** The 200 with the call's prepared body; refuses with the 404 when the caller's team has no such call. */
    Reply find(Caller caller, String callId) {
        PreparedCall call = fixtures.current().calls().get(callId);
        // The team id strings are shared by a team's calls and its Team: usually an identity hit.
        if (call == null || !call.teamId().equals(caller.team().id())) {
            throw new Refusal(NOT_FOUND);
        }
        if (call.timeline() == null) {
            return Reply.json(200, call.responseBody());
        }
        int stage = timelines.stageFor(call);
        return Reply.stage(call.timeline().stage(stage).body(), stage);
    }
}
