package ai.voxworks.mock;

import ai.voxworks.mock.internal.fixtures.FixtureLoader;
import ai.voxworks.mock.internal.fixtures.FixtureSet;
import ai.voxworks.mock.internal.fixtures.PreparedCall;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A validated set of teams and calls, read-only: what a {@link MockServer} serves
 * ({@link MockServer#fixtures()}), or a directory checked without starting one.
 *
 * <pre>{@code
 * Fixtures data = Fixtures.load(Path.of("my-fixtures"));   // InvalidFixturesException lists every problem
 * data.calls().forEach(c -> System.out.println(c.id() + " " + c.teamId()));
 * }</pre>
 */
public final class Fixtures {

    private final FixtureSet set;

    Fixtures(FixtureSet set) {
        this.set = set;
    }

    /**
     * Loads and validates the fixtures in {@code dir} ({@code teams.json} and {@code calls/}).
     *
     * @throws InvalidFixturesException listing every problem with its file, pointer and reason
     */
    public static Fixtures load(Path dir) {
        return new Fixtures(new FixtureLoader().load(dir));
    }

    /** The demo fixtures bundled with the mock (the repository's {@code fixtures/}). */
    public static Fixtures bundled() {
        return new Fixtures(FixtureLoader.bundled());
    }

    /** Where they come from: {@code bundled} or a directory. */
    public String source() {
        return set.source();
    }

    /**
     * The demo identity every tool of the toolkit uses unless told otherwise: the first API key of the
     * first team in {@code teams.json} ({@code vx_test_northwind_primary_7f3a9c} of
     * {@code team_northwind} in the bundled data). The command line's "try" line, JShell offline, the
     * JUnit extension's {@code client()} and the conformance suite against the bundled mock all use it.
     *
     * @throws IllegalStateException when no team has a key
     */
    public String demoKey() {
        return set.teams().values().stream().flatMap(t -> t.apiKeys().stream()).findFirst()
                .orElseThrow(() -> new IllegalStateException(set.source() + ": no team in teams.json has an API key"));
    }

    /** A call the {@link #demoKey()} can read, the first by id, if its team has any. */
    public Optional<CallSummary> demoCall() {
        String team = teamOfKey(demoKey()).map(Team::id).orElseThrow();
        return calls().stream().filter(c -> c.teamId().equals(team)).findFirst();
    }

    /** Every team, sorted by id. */
    public List<Team> teams() {
        return set.teams().values().stream().sorted(Comparator.comparing(Team::id)).toList();
    }

    /** Every call, sorted by team and id. */
    public List<CallSummary> calls() {
        return set.calls().values().stream()
                .sorted(Comparator.comparing(PreparedCall::teamId).thenComparing(PreparedCall::id))
                .map(PreparedCall::summary)
                .toList();
    }

    /** The team that owns this API key. */
    public Optional<Team> teamOfKey(String apiKey) {
        return Optional.ofNullable(set.teamsByKey().get(apiKey));
    }

    /** The call with this id, whichever team owns it. */
    public Optional<CallSummary> call(String id) {
        return Optional.ofNullable(set.calls().get(id)).map(PreparedCall::summary);
    }

    @Override
    public String toString() {
        return "Fixtures[" + set.source() + ": " + set.calls().size() + " calls, " + set.teams().size() + " teams]";
    }
}
