package ai.voxworks.mock;

/**
 * A call the mock serves, as listings show it.
 *
 * @param id     the call's id
 * @param teamId the team that owns it, and whose keys can read it
 * @param status its {@code status} field ({@code ""} when it has none)
 */
public record CallSummary(String id, String teamId, String status) {
}
