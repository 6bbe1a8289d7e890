package ai.voxworks.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** JUnit's parallel mode: each test class has its own mock, and one mock never serves two tests at once. */
class ParallelClassesTest {

    /** Each class's test waits here until all four run: the run only passes if they run together. */
    static final CyclicBarrier ALL_FOUR = new CyclicBarrier(4);
    static final Map<String, Integer> PORT_OF_CLASS = new ConcurrentHashMap<>();
    static final Map<String, String> THREAD_OF_CLASS = new ConcurrentHashMap<>();

    @Test
    void eachClassGetsItsOwnServerAndTheyRunConcurrentlyInBothForms() {
        ALL_FOUR.reset();
        PORT_OF_CLASS.clear();
        THREAD_OF_CLASS.clear();

        EngineExecutionResults results = TestKit.run(TestKit.PARALLEL_CLASSES,
                First.class, Second.class, Third.class, WithAField.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        assertThat(PORT_OF_CLASS).containsOnlyKeys(NAMES);
        assertThat(Set.copyOf(PORT_OF_CLASS.values())).hasSize(4);
        assertThat(Set.copyOf(THREAD_OF_CLASS.values())).hasSize(4);
    }

    static final List<String> NAMES = List.of("First", "Second", "Third", "WithAField");

    /** What each of the four does: a request of its own, then its journal holds only that one. */
    abstract static class OneOfFour {
        @Test
        void seesOnlyItsOwnRequests(VoxworksMock mock) throws Exception {
            String name = getClass().getSimpleName();
            PORT_OF_CLASS.put(name, mock.port());
            THREAD_OF_CLASS.put(name, Thread.currentThread().getName());
            String callId = "call_nw_100" + (NAMES.indexOf(name) + 1);
            mock.client().getCall(callId);

            ALL_FOUR.await(30, TimeUnit.SECONDS);

            assertThat(mock.requests()).singleElement().satisfies(r -> assertThat(r.callId()).contains(callId));
        }
    }

    @VoxworksMockTest
    @ExtendWith(TestKit.Inner.class)
    static class First extends OneOfFour {
    }

    @VoxworksMockTest
    @ExtendWith(TestKit.Inner.class)
    static class Second extends OneOfFour {
    }

    @VoxworksMockTest
    @ExtendWith(TestKit.Inner.class)
    static class Third extends OneOfFour {
    }

    @ExtendWith(TestKit.Inner.class)
    static class WithAField extends OneOfFour {
        @RegisterExtension
        static VoxworksMockExtension mock = VoxworksMockExtension.builder().build();
    }

    static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger MOST_IN_FLIGHT = new AtomicInteger();

    @Test
    void testsOfOneAnnotatedClassRunOneAtATimeEvenWhenMethodsAreConcurrent() {
        MOST_IN_FLIGHT.set(0);

        EngineExecutionResults results = TestKit.run(TestKit.PARALLEL_EVERYTHING, ConcurrentMethods.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        assertThat(MOST_IN_FLIGHT).hasValue(1);
    }

    @VoxworksMockTest
    @ExtendWith(TestKit.Inner.class)
    static class ConcurrentMethods {
        @RepeatedTest(4)
        void startsFromTheSourceData(VoxworksMock mock) throws InterruptedException {
            MOST_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
            try {
                assertThat(mock.requests()).isEmpty();
                mock.client().getCall("call_nw_1001");
                Thread.sleep(50);  // Room for another test to overlap, were it let in.
                assertThat(mock.requests()).hasSize(1);
            } finally {
                IN_FLIGHT.decrementAndGet();
            }
        }
    }

    @Test
    void aSharedFieldRefusesASecondTestAtTheSameTime() {
        EngineExecutionResults results = TestKit.run(TestKit.PARALLEL_EVERYTHING, ConcurrentMethodsOnAField.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(results.testEvents().failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow())
                .map(r -> r.getThrowable().orElseThrow()))
                .singleElement()
                .isInstanceOf(ExtensionConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("Two tests use one Voxworks mock at the same time",
                        "ConcurrentMethodsOnAField", "non-static @RegisterExtension field"));
    }

    @Execution(ExecutionMode.CONCURRENT)
    @ExtendWith(TestKit.Inner.class)
    static class ConcurrentMethodsOnAField {
        @RegisterExtension
        static VoxworksMockExtension mock = VoxworksMockExtension.builder().build();

        static final CountDownLatch REFUSED = new CountDownLatch(1);

        /** After-each callbacks run even for a test refused before it started (@AfterEach methods do not). */
        @RegisterExtension
        static AfterEachCallback release = context -> REFUSED.countDown();

        @RepeatedTest(2)
        void holdsTheMock() throws InterruptedException {
            // The first test in holds the mock until the second has been refused.
            assertThat(REFUSED.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
