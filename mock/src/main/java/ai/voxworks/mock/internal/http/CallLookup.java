package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.internal.fixtures.FixtureStore;
import ai.voxworks.mock.internal.fixtures.PreparedCall;

/**
 * Step 3: the caller's own call, by id. Another team's call is answered exactly like an unknown
 * id, with the same bytes, so a key cannot probe which ids exist.
 */
final class CallLookup {

    static final Reply NOT_FOUND = ErrorBody.reply(404, "Call not found");

    private final FixtureStore fixtures;

    CallLookup(FixtureStore fixtures) {
        this.fixtures = fixtures;
    }

    /** The 200 with the call's prepared body; refuses with the 404 when the caller's team has no such call. */
    Reply find(Caller caller, String callId) {
        PreparedCall call = fixtures.current().calls().get(callId);
        // The team id strings are shared by a team's calls and its Team: usually an identity hit.
        if (call == null || !call.teamId().equals(caller.team().id())) {
            throw new Refusal(NOT_FOUND);
        }
        return Reply.json(200, call.responseBody());
    }
}
