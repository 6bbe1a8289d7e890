package ai.voxworks.mock.junit5;

import ai.voxworks.client.VoxworksClient;
import ai.voxworks.client.Sleeper;
import ai.voxworks.mock.CallSummary;
import ai.voxworks.mock.Fault;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * A started mock and the clients made for it, which it closes: those made during a test when
 * that test ends, the others when the mock stops. It serves one test at a time.
 */
final class RunningMock implements VoxworksMock {

    private final MockServer server;
    private final boolean strict;
    private final Verifier verifier;
    /** The requests of this test a verification matched: expected, in strict mode. */
    private final Set<RecordedRequest> verified = ConcurrentHashMap.newKeySet();
    private final List<VoxworksClient> clientsOfTheClass = new ArrayList<>();
    private final List<VoxworksClient> clientsOfTheTest = new ArrayList<>();
    /** One test at a time: the permit is held from before each test to after it. */
    private final Semaphore turn = new Semaphore(1, true);
    private ExtensionContext currentTest;  // Guarded by this, as are both lists.

    private RunningMock(MockServer server, boolean strict) {
        this.server = server;
        this.strict = strict;
        this.verifier = new Verifier(server, verified::addAll);
    }

    /** @throws ai.voxworks.mock.InvalidFixturesException as {@link MockServer#start} does, unchanged */
    static RunningMock start(Settings settings) {
        return new RunningMock(MockServer.start(settings.config()), settings.strict());
    }

    /**
     * A test begins using this mock. Two at once would reset the data under each other's feet: with
     * {@code queue} the second waits for the first to finish (what {@link VoxworksMockTest} does, so
     * its tests run one at a time in any execution mode); without, it is refused with what to do instead.
     */
    void testStarting(ExtensionContext test, boolean queue) {
        if (queue) {
            awaitTurn();
        } else if (!turn.tryAcquire()) {
            String other;
            synchronized (this) {
                other = currentTest == null ? "another test" : name(currentTest);
            }
            throw new ExtensionConfigurationException("Two tests use one Voxworks mock at the same time ("
                    + other + " and " + name(test) + "), and the reset before each test would change "
                    + "the data under the other. Run the tests of this class one at a time "
                    + "(@Execution(ExecutionMode.SAME_THREAD) on the class, or @VoxworksMockTest, which queues "
                    + "them), or give each test its own mock: a non-static @RegisterExtension field.");
        }
        synchronized (this) {
            currentTest = test;
        }
        verified.clear();
    }

    /**
     * In strict mode, fails the test that made requests it did not expect: a 401, a request for a
     * call id the data lacks (when the test ends), or for no route at all; unless a verification of
     * the test matched it.
     */
    void checkStrict() {
        if (!strict) {
            return;
        }
        List<Verifier.Row> unexpected = new ArrayList<>();
        for (RecordedRequest r : server.requests()) {
            String reason = r.status() == 401 ? "a 401"
                    : r.callId().isEmpty() ? "no such endpoint"
                    : server.fixtures().call(r.callId().get()).isEmpty() ? "a call the data lacks" : null;
            if (reason != null && !verified.contains(r)) {
                unexpected.add(new Verifier.Row(r, reason));
            }
        }
        if (!unexpected.isEmpty()) {
            throw new AssertionFailedError("Strict Voxworks mock: " + unexpected.size() + " request"
                    + (unexpected.size() == 1 ? "" : "s") + " this test did not expect (a verify or await that matches "
                    + "a request expects it), newest first:" + Verifier.table(unexpected));
        }
    }

    /**
     * Waits for the test before to finish. In JUnit's concurrent mode tests run on a fork-join pool:
     * the wait is a managed block, so the pool may add a thread rather than starve. (A
     * {@code @ResourceLock} provider would avoid the wait, but it exists from JUnit 5.12 on, and its
     * mere presence on the annotation breaks discovery on 5.10 and 5.11.)
     */
    private void awaitTurn() {
        try {
            ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
                @Override
                public boolean block() throws InterruptedException {
                    turn.acquire();
                    return true;
                }

                @Override
                public boolean isReleasable() {
                    return false;
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtensionConfigurationException("Interrupted while waiting for another test of the class to "
                    + "finish with its Voxworks mock", e);
        }
    }

    /** The test that {@link #testStarting} let in is over: its clients are closed. */
    void testFinished(ExtensionContext test) {
        List<VoxworksClient> done;
        synchronized (this) {
            if (currentTest == null || !currentTest.getUniqueId().equals(test.getUniqueId())) {
                return;  // A test that was refused: the other one is still running.
            }
            currentTest = null;
            turn.release();
            done = List.copyOf(clientsOfTheTest);
            clientsOfTheTest.clear();
        }
        done.forEach(VoxworksClient::close);
    }

    /** How many clients made by this mock are still open (tests). */
    synchronized int openClients() {
        return clientsOfTheClass.size() + clientsOfTheTest.size();
    }

    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public VoxworksClient client() {
        return client(server.fixtures().demoKey());
    }

    @Override
    public VoxworksClient client(String apiKey) {
        VoxworksClient client = VoxworksClient.builder().apiKey(apiKey).baseUrl(baseUrl()).maxRetries(0)
                .time(server.clock(), new MockTime(server)).build();
        synchronized (this) {
            (currentTest == null ? clientsOfTheClass : clientsOfTheTest).add(client);
        }
        return client;
    }

    @Override
    public CallSummary put(String callJson) {
        return server.putCall(callJson);
    }

    @Override
    public boolean remove(String callId) {
        return server.removeCall(callId);
    }

    @Override
    public List<RecordedRequest> requests() {
        return server.requests();
    }

    @Override
    public void verify(int count, RequestPattern pattern) {
        verifier.verify(count, Objects.requireNonNull(pattern, "pattern"));
    }

    @Override
    public Waiting await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        return (count, pattern) -> verifier.await(timeout, count, Objects.requireNonNull(pattern, "pattern"));
    }

    @Override
    public void faultNext(Fault... faults) {
        server.faultNext(faults);
    }

    @Override
    public void advance(Duration by) {
        server.advance(by);
    }

    @Override
    public void reset() {
        server.reset();
    }

    @Override
    public MockServer server() {
        return server;
    }

    /** Closes every client it made, then the server. */
    void stop() {
        List<VoxworksClient> all;
        synchronized (this) {
            all = new ArrayList<>(clientsOfTheClass);
            all.addAll(clientsOfTheTest);
            clientsOfTheClass.clear();
            clientsOfTheTest.clear();
        }
        all.forEach(VoxworksClient::close);
        server.close();
    }

    @Override
    public String toString() {
        return "VoxworksMock[" + server + "]";
    }

    /** Waits in the mock's time: a wait moves the mock's clock by as much, at once. */
    private record MockTime(MockServer server) implements Sleeper {
        @Override
        public void sleep(Duration duration) {
            server.advance(duration);
        }

        @Override
        public Executor after(Duration duration) {
            server.advance(duration);
            return Runnable::run;
        }
    }

    private static String name(ExtensionContext test) {
        return test.getTestClass().map(Class::getSimpleName).orElse("?") + "." + test.getDisplayName();
    }
}
