package ai.voxworks.mock.internal.http;

import ai.voxworks.client.internal.ApiKeys;
import ai.voxworks.mock.Team;

/** Who is calling: the API key that authenticated the request and the team that owns it. */
record Caller(String apiKey, Team team) {

    @Override
    public String toString() {
        return "Caller[team=" + team.id() + ", key=" + ApiKeys.mask(apiKey) + "]";
    }
}
