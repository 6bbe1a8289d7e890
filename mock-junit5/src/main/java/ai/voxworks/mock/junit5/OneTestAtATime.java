package ai.voxworks.mock.junit5;

import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * The lock {@link VoxworksMockTest} puts on its class: the tests of one class share one mock and
 * run one at a time, while other classes, with their own mocks, still run in parallel.
 */
final class OneTestAtATime implements ResourceLocksProvider {

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        return Set.of(new Lock(VoxworksMockTest.class.getName() + ":" + testClass.getName()));
    }
}
