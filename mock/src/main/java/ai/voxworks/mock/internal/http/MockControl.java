package ai.voxworks.mock.internal.http;

import ai.voxworks.client.internal.Durations;
import ai.voxworks.mock.Fault;
import ai.voxworks.mock.FaultProfile;
import ai.voxworks.mock.RateLimit;
import ai.voxworks.mock.RecordedRequest;
import ai.voxworks.mock.internal.fixtures.CallReader;
import ai.voxworks.mock.internal.fixtures.FixtureSet;
import ai.voxworks.mock.internal.fixtures.FixtureStore;
import ai.voxworks.mock.internal.fixtures.FixtureWatcher;
import ai.voxworks.mock.internal.fixtures.PreparedCall;
import ai.voxworks.mock.internal.fixtures.RuntimeChanges;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The mock's state and what may change it at run time: the data served, the rate-limit buckets,
 * the faults to come and the journal. The admin API and {@code MockServer}'s methods both go through here, so the
 * two can never behave differently.
 */
public final class MockControl {

    /** What storing a call did. */
    public record Stored(PreparedCall call, boolean replaced) {
    }

    /**
     * A data change refused because replicas share their rate limits: it would reach this replica
     * only, and the replicas behind one address would answer differently.
     */
    public static final class ReplicasWouldDisagree extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ReplicasWouldDisagree(String change, String store) {
            super("Refused: this mock shares its rate limits with other replicas (" + store + "), and " + change
                    + " would reach this replica only, so the replicas would answer differently. Edit the fixtures "
                    + "directory every replica watches instead");
        }

        /** About time: timelines do not run when replicas share their limits. */
        ReplicasWouldDisagree(String change, String store, boolean time) {
            super("Refused: this mock shares its rate limits with other replicas (" + store + "), and " + change
                    + " would reach this replica only, so the replicas would answer differently. Timelines do not "
                    + "run on replicas: each moving call answers its last stage, on every replica alike");
        }
    }

    /** A timeline asked for that there is not: no such call, or one that does not move. */
    public static final class NoTimeline extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NoTimeline(String message) {
            super(message);
        }
    }

    /**
     * Where a moving call is in its timeline.
     *
     * @param call    the call, with its timeline
     * @param stage   its stage now
     * @param elapsed the time since its first request ({@code null}: not asked for yet, or timelines are off)
     * @param running whether timelines run ({@code false} with shared rate limits: moving calls answer their last stage)
     */
    public record TimelineState(PreparedCall call, int stage, Duration elapsed, boolean running) {
    }

    /** The longest one move of time may be: the longest rate-limit window. */
    public static final Duration LONGEST_STEP = RateLimit.MAX_WINDOW;

    private final FixtureStore store;
    private final CallReader reader;
    private final Supplier<FixtureSet> source;
    private final Supplier<FixtureWatcher.Status> reloadStatus;
    private final RateLimiting limiter;
    private final RequestJournal journal;
    private final Faults faults;
    private final MockClock clock;
    private final Timelines timelines;

    /**
     * @param store        the data being served
     * @param reader       validates calls sent at run time, as call files are
     * @param source       loads the data again from where it came from (for {@link #reset()})
     * @param reloadStatus how the last hot reload went ({@code null} when there was none)
     * @param limiter      the rate-limit buckets
     * @param journalSize  how many requests the journal keeps
     * @param faults       the faults drawn at random
     * @param clock        the mock's time, which the limiter reads too
     */
    public MockControl(FixtureStore store, CallReader reader, Supplier<FixtureSet> source,
                       Supplier<FixtureWatcher.Status> reloadStatus, RateLimiting limiter, int journalSize,
                       FaultProfile faults, MockClock clock) {
        this.store = store;
        this.reader = reader;
        this.source = source;
        this.reloadStatus = reloadStatus;
        this.limiter = limiter;
        this.journal = new RequestJournal(journalSize, () -> store.current().teamsByKey());
        this.faults = new Faults(faults);
        this.clock = clock;
        this.timelines = new Timelines(clock, !limiter.shared());
    }

    /** The data served now. */
    public FixtureSet current() {
        return store.current();
    }

    /**
     * Validates {@code json} as a call and adds it, or replaces the call with its id; the change
     * stays in force over every hot reload until {@link #reset()}.
     *
     * @param source     names the input in problems ("request body")
     * @param expectedId the id it must have, or {@code null} for whatever id it has
     * @throws ai.voxworks.mock.InvalidFixturesException with every problem; nothing changed
     * @throws ReplicasWouldDisagree when the rate limits are shared with other replicas
     */
    public Stored put(byte[] json, String source, String expectedId) {
        refuseWhenShared("adding or replacing a call here");
        PreparedCall call = reader.fromRequest(json, source, expectedId, store.current());
        boolean replaced = store.put(call);
        // A call put is a new one: if it moves, its timeline starts with its next request.
        timelines.restart(call.id());
        return new Stored(call, replaced);
    }

    /**
     * Removes the call {@code id}, over every hot reload until {@link #reset()}; {@code false} when there was none.
     *
     * @throws ReplicasWouldDisagree when the rate limits are shared with other replicas
     */
    public boolean remove(String id) {
        refuseWhenShared("removing a call here");
        timelines.restart(id);
        return store.remove(id);
    }

    private void refuseWhenShared(String change) {
        if (limiter.shared()) {
            throw new ReplicasWouldDisagree(change, limiter.storeUrl());
        }
    }

    /**
     * Loads the data again from its source, drops the runtime changes, refills every bucket,
     * forgets the faults queued, numbers requests for the fault profile from 0 again and
     * empties the journal. With
     * shared rate limits the data is left as it is (the fixtures directory every replica watches;
     * a reload here alone is what would make replicas disagree): the buckets are refilled, for
     * every replica, and this replica's journal is emptied.
     *
     * @return the data served now
     * @throws ai.voxworks.mock.InvalidFixturesException when the source is now invalid; nothing changed
     * @throws IllegalStateException when the shared buckets cannot be reached; nothing changed
     */
    public FixtureSet reset() {
        if (limiter.shared()) {
            limiter.reset();
            faults.reset();
            journal.clear();
            return store.current();
        }
        FixtureSet fresh = source.get();
        store.reset(fresh);
        limiter.reset();
        faults.reset();
        timelines.reset();
        journal.clear();
        return fresh;
    }

    /**
     * Moves the mock's time forward: every rate-limit window and every moving call's timeline.
     *
     * @throws ReplicasWouldDisagree when the rate limits are shared with other replicas
     */
    public void advance(Duration by) {
        Durations.check(by, "advance", Duration.ZERO, LONGEST_STEP);
        refuseTimeWhenShared("moving the mock's time");
        clock.advance(by);
    }

    /** The mock's time, as a clock: the system's, plus every {@link #advance}. */
    public Clock clock() {
        return clock.asClock();
    }

    /** How far {@link #advance} has moved the time, in all. */
    public Duration advanced() {
        return clock.advanced();
    }

    /** Whether the timelines of moving calls run ({@code false} with shared rate limits). */
    public boolean timelinesRun() {
        return timelines.running();
    }

    /**
     * Where the moving call {@code id} is in its timeline.
     *
     * @throws NoTimeline when there is no such call, or it does not move
     */
    public TimelineState timeline(String id) {
        PreparedCall call = moving(id);
        Timelines.Position position = timelines.position(call);
        return new TimelineState(call, position.stage(), position.elapsed(), timelines.running());
    }

    /**
     * Moves the moving call {@code id} to the start of {@code stage} (from 0), as if its first request
     * had been that long ago.
     *
     * @throws NoTimeline               when there is no such call, or it does not move
     * @throws IllegalArgumentException when it has no such stage
     * @throws ReplicasWouldDisagree    when the rate limits are shared with other replicas
     */
    public TimelineState toStage(String id, int stage) {
        refuseTimeWhenShared("moving a timeline");
        PreparedCall call = moving(id);
        if (stage < 0 || stage >= call.timeline().size()) {
            throw new IllegalArgumentException("call '" + id + "' has stages 0 to " + (call.timeline().size() - 1)
                    + ", not " + stage);
        }
        timelines.toStage(call, stage);
        return timeline(id);
    }

    /**
     * Moves the moving call {@code id} forward by {@code by}; one not yet asked for starts, as if asked for
     * {@code by} ago.
     *
     * @throws NoTimeline            when there is no such call, or it does not move
     * @throws ReplicasWouldDisagree when the rate limits are shared with other replicas
     */
    public TimelineState forward(String id, Duration by) {
        Durations.check(by, "forward", Duration.ZERO, LONGEST_STEP);
        refuseTimeWhenShared("moving a timeline");
        timelines.forward(moving(id), by);
        return timeline(id);
    }

    private PreparedCall moving(String id) {
        PreparedCall call = store.current().calls().get(id);
        if (call == null) {
            throw new NoTimeline("No call '" + id + "' in the mock");
        }
        if (call.timeline() == null) {
            throw new NoTimeline("Call '" + id + "' does not move: its fixture has no timeline");
        }
        return call;
    }

    private void refuseTimeWhenShared(String change) {
        if (limiter.shared()) {
            throw new ReplicasWouldDisagree(change, limiter.storeUrl(), true);
        }
    }

    /** The calls put and removed at run time, in force over every reload until a reset. */
    public RuntimeChanges changes() {
        return store.changes();
    }

    /** Whether the rate limits are shared with other replicas (and data changes refused). */
    public boolean shared() {
        return limiter.shared();
    }

    /** The journal, newest first. */
    public List<RecordedRequest> requests() {
        return journal.newestFirst();
    }

    /**
     * Waits until {@code done} accepts the journal (newest first), or {@code timeout} passes, and
     * returns the journal as last read. Woken by each new entry, it reads the journal only then.
     */
    public List<RecordedRequest> awaitRequests(Predicate<List<RecordedRequest>> done, Duration timeout)
            throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = journal.recorded();
            List<RecordedRequest> now = journal.newestFirst();
            long left = until - System.nanoTime();
            if (done.test(now) || left <= 0) {
                return now;
            }
            journal.awaitAfter(seen, left);
        }
    }

    /** The next get-call requests get these faults, one each, in order. */
    public void faultNext(List<Fault> next) {
        faults.queue(next);
    }

    /** How the last hot reload went, or {@code null}. */
    public FixtureWatcher.Status lastReload() {
        return reloadStatus.get();
    }

    FixtureStore store() {
        return store;
    }

    RateLimiting limiter() {
        return limiter;
    }

    RequestJournal journal() {
        return journal;
    }

    Faults faults() {
        return faults;
    }

    Timelines timelines() {
        return timelines;
    }
}
