package ai.voxworks.mock.junit5;

import ai.voxworks.mock.RateLimit;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a Voxworks mock server for the annotated test class.
 *
 * <pre>{@code
 * @VoxworksMockTest(rateLimit = "5/10s")
 * class InvoiceJobTest {
 *     @Test
 *     void sixthRequestIsRateLimited(VoxworksMock mock) { ... mock.client() ... }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>One mock per test class, on a free port of {@code 127.0.0.1}, started before all tests and
 *       stopped after them; {@code @Nested} classes share it.</li>
 *   <li>Reset before each test: the data back to its source, every rate-limit bucket full, the
 *       journal empty. So data changes belong in {@code @BeforeEach} or the test: a change made in
 *       {@code @BeforeAll} is undone before the first test.</li>
 *   <li>A {@link VoxworksMock} parameter of a test, lifecycle method or constructor gets it.</li>
 *   <li>The tests of the class run one at a time, even in JUnit's concurrent mode (each waits for the
 *       one before it to finish); test classes still run in parallel, each with its own mock.</li>
 *   <li>With {@code strict = true}, a test fails after it ends when it made a request it did not
 *       expect (a 401, a call the data lacks, no such endpoint) and did not verify.</li>
 *   <li>Invalid fixtures fail the class with {@link ai.voxworks.mock.InvalidFixturesException}, which
 *       lists each problem as file, JSON pointer and reason; a bad attribute fails it with a message
 *       naming the attribute.</li>
 * </ul>
 *
 * <p>For a builder, several mocks in one class, or one mock per test method, use a
 * {@link VoxworksMockExtension} field instead. Use one of the two per class: a class with both
 * fails before its first test, with a message saying so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(VoxworksMockExtension.class)
public @interface VoxworksMockTest {

    /**
     * A directory with {@code teams.json} and {@code calls/}, relative to the working directory
     * (under Maven, the module's directory). Default {@code ""}: the demo fixtures bundled with the mock.
     */
    String fixturesDir() default "";

    /**
     * Requests per window per API key, as {@link RateLimit#parse} reads it ({@code 5/10s},
     * {@code 100/1m}, {@code off}). Default {@code "60/60s"}, the mock's own default.
     */
    String rateLimit() default "60/60s";

    /**
     * Delay added to every API response, in the toolkit's one duration grammar ({@code 250ms},
     * {@code 2s}, at most {@code 120s}: a bare number other than 0 is refused, as it is for
     * {@code --latency}). Default {@code "0ms"}.
     */
    String latency() default "0ms";

    /**
     * Faults at random for the API requests, as {@code --faults} reads them ({@code "5%:reset,2%:500"}:
     * reset, truncate, drip, malformed, or a status 401, 404, 429 or 500), drawn from {@link #seed()}:
     * each test's requests are numbered from 0 (the reset before it), so a test gets the same faults
     * on every run. Default {@code "off"}.
     */
    String faults() default "off";

    /** What {@link #faults()} draws from, as {@code --seed}. Default {@code 0}. */
    long seed() default 0;

    /**
     * Fails a test that made requests it did not expect: a 401, a request for a call id the data lacks
     * (when the test ends) or for no endpoint at all; a request that a {@code verify} or {@code await}
     * of the test matched is expected. Default {@code false}.
     */
    boolean strict() default false;
}
