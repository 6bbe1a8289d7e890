package ai.voxworks.mock.internal.http;

import ai.voxworks.mock.Team;
import ai.voxworks.mock.internal.Secrets;

/** Who is calling: the API key that authenticated the request and the team that owns it. */
record Caller(String apiKey, Team team) {

    @Override
    public String toString() {
        return "Caller[team=" + team.id() + ", key=" + Secrets.mask(apiKey) + "]";
    }
}
