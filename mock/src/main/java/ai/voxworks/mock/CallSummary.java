package ai.voxworks.mock;

import java.util.List;

/**
 * A call the mock serves, as listings show it.
 *
 * @param id     the call's id
 * @param teamId the team that owns it, and whose keys can read it
 * @param status its {@code status} field ({@code ""} when it has none); of a call that moves, its first stage's
 * @param stages of a call that moves (a fixture with a {@code timeline}), the status of each stage in order;
 *               empty for a call that does not
 */
public record CallSummary(String id, String teamId, String status, List<String> stages) {

    public CallSummary {
        stages = List.copyOf(stages);
    }

    /** A call that does not move. */
    public CallSummary(String id, String teamId, String status) {
        this(id, teamId, status, List.of());
    }

    /** Whether its status changes over time: it has a timeline. */
    public boolean moves() {
        return !stages.isEmpty();
    }
}
