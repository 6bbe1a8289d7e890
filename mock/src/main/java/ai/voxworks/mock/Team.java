package ai.voxworks.mock;

import java.util.List;

/**
 * A team from {@code teams.json}: the owner of calls and of API keys.
 *
 * @param id      team id, as in a call's {@code team_id}
 * @param name    display name
 * @param apiKeys the team's API keys (demo keys, printed in the startup log)
 */
public record Team(String id, String name, List<String> apiKeys) {

    public Team {
        apiKeys = List.copyOf(apiKeys);
    }

    @Override
    public String toString() {
        // Keys are secrets in spirit even when they are test keys: never in toString.
        return "Team[id=" + id + ", name=" + name + ", apiKeys=" + apiKeys.size() + "]";
    }
}
