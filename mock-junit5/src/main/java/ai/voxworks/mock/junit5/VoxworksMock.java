package ai.voxworks.mock.junit5;

import ai.voxworks.client.VoxworksClient;
import ai.voxworks.mock.CallSummary;
import ai.voxworks.mock.Fault;
import ai.voxworks.mock.InvalidFixturesException;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.RecordedRequest;
import java.time.Duration;
import java.util.List;

/**
 * The mock a test runs against: injected as a parameter by {@link VoxworksMockTest}, or the
 * {@link VoxworksMockExtension} field itself.
 *
 * <pre>{@code
 * @Test
 * void unknownCallIsA404(VoxworksMock mock) {
 *     assertThrows(NotFoundException.class, () -> mock.client().getCall("call_unknown"));
 *     assertEquals(1, mock.requestsWithStatus(404).size());
 * }
 * }</pre>
 *
 * <p>What a test's code sent is checked with {@link #verify} and, for requests still to come,
 * {@link #await}: {@code mock.await(Duration.ofSeconds(2)).verify(1, getCall("call_nw_1001"))}.
 *
 * <p>Clients it makes do not retry ({@code maxRetries(0)}): a 429 or a 500 reaches the test at
 * once instead of after a {@code Retry-After} wait. They wait in the mock's time: when one waits
 * ({@code awaitCall} between polls), the mock's clock moves on by as much, at once, so polling a
 * call through a 60 s timeline takes milliseconds. The extension closes them: those made during
 * a test after that test, those made in {@code @BeforeAll} after the class. Not for implementing.
 */
public sealed interface VoxworksMock permits RunningMock, VoxworksMockExtension {

    /** Where the mock listens, such as {@code http://127.0.0.1:41381}, without a trailing slash. */
    String baseUrl();

    /** The free loopback port it was given. */
    int port();

    /**
     * A client of this mock with the demo key, the first API key of the first team in
     * {@code teams.json} ({@link ai.voxworks.mock.Fixtures#demoKey()}): {@code vx_test_northwind_primary_7f3a9c}
     * of {@code team_northwind} for the bundled data, which reads the calls {@code call_nw_*}. It does
     * not retry: a test sees each response; it waits in the mock's time ({@link #advance}). A new client on
     * every call.
     */
    VoxworksClient client();

    /** A client of this mock with this API key. A new client on every call. */
    VoxworksClient client(String apiKey);

    /**
     * Adds a call, or replaces the call with its id, validated as a fixture file is; the next
     * request sees it. Undone by the reset before the next test.
     *
     * @param callJson the call object, as in {@code calls/<id>.json}
     * @throws InvalidFixturesException listing every problem; nothing changed
     */
    CallSummary put(String callJson);

    /** Removes a call; {@code false} when there was none. Undone by the reset before the next test. */
    boolean remove(String callId);

    /** The API requests of this test so far, newest first (the journal is emptied before each test). */
    List<RecordedRequest> requests();

    /** The requests for this call id, newest first. */
    default List<RecordedRequest> requestsForCall(String callId) {
        return requests().stream().filter(r -> r.callId().filter(callId::equals).isPresent()).toList();
    }

    /** The requests answered with this status, newest first. */
    default List<RecordedRequest> requestsWithStatus(int status) {
        return requests().stream().filter(r -> r.status() == status).toList();
    }

    /**
     * Checks that exactly {@code count} requests of this test match {@code pattern}; else fails
     * with what was received, nearest first, keys masked.
     *
     * <pre>{@code
     * mock.verify(2, getCall("call_nw_1001").withKey(key));   // import static ...RequestPattern.getCall
     * }</pre>
     *
     * @throws org.opentest4j.AssertionFailedError when the count differs
     * @throws IllegalArgumentException            when the pattern's key masks like another key of its team
     */
    void verify(int count, RequestPattern pattern);

    /**
     * {@link #verify} for requests still to come: {@code mock.await(Duration.ofSeconds(2)).verify(1, getCall(id))}
     * returns as soon as {@code count} matching requests have arrived (woken by each new request, no
     * polling, no sleep), and fails when the timeout passes first, or when more than {@code count} match.
     */
    Waiting await(Duration timeout);

    /** What {@link #await} returns: its {@link #verify} waits. */
    interface Waiting {
        /** As {@link VoxworksMock#verify}, once {@code count} requests match or the timeout has passed. */
        void verify(int count, RequestPattern pattern);
    }

    /**
     * The next API requests get these faults, one each, in order (then none, unless a profile is
     * set): {@code mock.faultNext(Fault.RESET)} resets the connection of the next request before any
     * byte. The journal names each ({@link RecordedRequest#fault()}). Undone by the reset before the
     * next test.
     */
    void faultNext(Fault... faults);

    /**
     * Moves the mock's time forward: each call that moves (a fixture with a {@code timeline}) answers
     * the stage it reaches that much later, and the rate-limit windows move on too. A test of your
     * polling loop then takes no real time: give the loop {@code mock::advance} as the way it waits.
     *
     * <pre>{@code
     * mock.client().getCall("call_nw_1007");      // its first request: scheduled
     * mock.advance(Duration.ofSeconds(40));
     * mock.client().getCall("call_nw_1007");      // completed
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code by} is negative or longer than 30 days
     */
    void advance(Duration by);

    /**
     * Back to the start, as before each test: the data as loaded from its source, every
     * rate-limit bucket full, every timeline to start again with its call's next request, no fault
     * queued (a profile's draws from the first again), the journal empty.
     */
    void reset();

    /** The server underneath, for what this interface does not cover; the extension stops it, do not. */
    MockServer server();
}
