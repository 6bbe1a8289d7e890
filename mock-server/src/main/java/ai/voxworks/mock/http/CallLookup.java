package ai.voxworks.mock.http;

import ai.voxworks.mock.fixtures.CallFixture;
import ai.voxworks.mock.fixtures.FixtureStore;

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

    /** The prepared 200 body of the call, or an {@link ApiError} 404. */
    byte[] find(Caller caller, String callId) {
        CallFixture call = fixtures.current().calls().get(callId);
        if (call == null || !call.teamId().equals(caller.team().id())) {
            throw new ApiError(NOT_FOUND);
        }
        return call.responseBody();
    }
}
