package ai.voxworks.mock.junit5;

import ai.voxworks.client.VoxworksClient;
import ai.voxworks.client.internal.Durations;
import ai.voxworks.mock.CallSummary;
import ai.voxworks.mock.Fault;
import ai.voxworks.mock.FaultProfile;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.RateLimit;
import ai.voxworks.mock.RecordedRequest;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A Voxworks mock server as a JUnit Jupiter extension, configured by a builder; the field is the
 * {@link VoxworksMock} of the running mock.
 *
 * <pre>{@code
 * @RegisterExtension
 * static VoxworksMockExtension mock = VoxworksMockExtension.builder().rateLimit("5/10s").build();
 *
 * @Test
 * void readsACall() {
 *     Call call = mock.client().getCall("call_nw_1001");
 * }
 * }</pre>
 *
 * <p>On a static field it behaves as {@link VoxworksMockTest}: one mock per class on a free
 * loopback port, reset before each test, stopped after the class, and a {@link VoxworksMock}
 * parameter gets it. With {@link Builder#perMethod()}, or on a non-static field, each test method
 * gets a mock of its own, started before it and stopped after it.
 *
 * <p>Use either this field or {@link VoxworksMockTest} on a class: a class with both fails before
 * its first test, with a message saying so. Several fields give several mocks; use the fields then,
 * as a {@code VoxworksMock} parameter would be ambiguous (and is refused, saying so). The tests of a
 * class must not run concurrently on one shared mock; a second one at the same time is refused with
 * what to do instead.
 */
public final class VoxworksMockExtension implements VoxworksMock, BeforeAllCallback, AfterAllCallback,
        BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Settings settings;  // null: read from @VoxworksMockTest on the test class
    private RunningMock running;      // Guarded by this, as is owner.
    private String owner;             // unique id of the class or test that started it

    /** For {@link VoxworksMockTest}, which JUnit instantiates: the settings come from the annotation. */
    VoxworksMockExtension() {
        this(null);
    }

    private VoxworksMockExtension(Settings settings) {
        this.settings = settings;
    }

    /** A builder with the documented defaults, those of {@link VoxworksMockTest}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        refuseBothStyles(context.getRequiredTestClass());
        Settings settings = settings(context);
        if (settings.perMethod()) {
            return;
        }
        synchronized (this) {
            if (running != null) {
                if (context.getUniqueId().startsWith(owner + "/")) {
                    return;  // A @Nested class: it shares the enclosing class's mock.
                }
                throw new ExtensionConfigurationException("This VoxworksMockExtension already runs a mock for "
                        + owner + ", so it cannot serve " + context.getUniqueId() + " too: one field serves one "
                        + "test class at a time. Declare the field in each test class, not in a shared base class.");
            }
            running = RunningMock.start(settings);
            owner = context.getUniqueId();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        RunningMock mock;
        boolean fresh = false;
        synchronized (this) {
            if (running == null) {
                // Per test: perMethod(), or a non-static field (JUnit calls no beforeAll for those).
                refuseBothStyles(context.getRequiredTestClass());
                running = RunningMock.start(settings(context));
                owner = context.getUniqueId();
                fresh = true;
            }
            mock = running;
        }
        // The annotation's tests wait their turn; a field's are refused a shared mock at once (its doc says so).
        mock.testStarting(context, settings == null);
        if (!fresh) {
            mock.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RunningMock mock;
        synchronized (this) {
            mock = running;
        }
        if (mock != null) {
            try {
                mock.checkStrict();
            } finally {
                mock.testFinished(context);
                stopIfStartedBy(context);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() != VoxworksMock.class) {
            return false;
        }
        List<Field> fields = extensionFields(context.getRequiredTestClass());
        if (fields.size() > 1) {
            throw new ParameterResolutionException(context.getRequiredTestClass().getName() + " has "
                    + fields.size() + " VoxworksMockExtension fields (" + names(fields) + "), so a VoxworksMock "
                    + "parameter could be any of them: use the fields themselves.");
        }
        return true;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        synchronized (this) {
            if (running == null) {
                throw new ParameterResolutionException("No Voxworks mock runs for "
                        + parameter.getDeclaringExecutable() + ": with one mock per test method it exists from "
                        + "before each test to after it, so inject it into a test or a @BeforeEach method.");
            }
            return running;
        }
    }

    @Override
    public String baseUrl() {
        return current().baseUrl();
    }

    @Override
    public int port() {
        return current().port();
    }

    @Override
    public VoxworksClient client() {
        return current().client();
    }

    @Override
    public VoxworksClient client(String apiKey) {
        return current().client(apiKey);
    }

    @Override
    public CallSummary put(String callJson) {
        return current().put(callJson);
    }

    @Override
    public boolean remove(String callId) {
        return current().remove(callId);
    }

    @Override
    public List<RecordedRequest> requests() {
        return current().requests();
    }

    @Override
    public void verify(int count, RequestPattern pattern) {
        current().verify(count, pattern);
    }

    @Override
    public Waiting await(Duration timeout) {
        return current().await(timeout);
    }

    @Override
    public void faultNext(Fault... faults) {
        current().faultNext(faults);
    }

    @Override
    public void advance(Duration by) {
        current().advance(by);
    }

    @Override
    public void reset() {
        current().reset();
    }

    @Override
    public MockServer server() {
        return current().server();
    }

    @Override
    public synchronized String toString() {
        return running == null ? "VoxworksMockExtension[not running, " + settings + "]" : running.toString();
    }

    private synchronized RunningMock current() {
        if (running == null) {
            throw new IllegalStateException("The Voxworks mock is not running: it runs from before the first test "
                    + "of its class to after the last (from before each test to after it with perMethod() or a "
                    + "non-static field). Is the field annotated with @RegisterExtension?");
        }
        return running;
    }

    private void stopIfStartedBy(ExtensionContext context) {
        RunningMock stopping;
        synchronized (this) {
            if (running == null || !context.getUniqueId().equals(owner)) {
                return;
            }
            stopping = running;
            running = null;
            owner = null;
        }
        stopping.stop();
    }

    private Settings settings(ExtensionContext context) {
        if (settings != null) {
            return settings;
        }
        Class<?> testClass = context.getRequiredTestClass();
        // A @Nested class takes the annotation of the class around it. (Walked by hand: JUnit's own
        // lookup with enclosing classes exists from 5.12 on, and the extension runs on 5.10.)
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<VoxworksMockTest> annotation = AnnotationSupport.findAnnotation(c, VoxworksMockTest.class);
            if (annotation.isPresent()) {
                return Settings.of(annotation.get(), testClass);
            }
        }
        return Settings.DEFAULTS;  // @ExtendWith(VoxworksMockExtension.class) without the annotation
    }

    /** The two set-up styles on one class would start two mocks and fight over the parameter: refused. */
    private static void refuseBothStyles(Class<?> testClass) {
        List<Field> fields = extensionFields(testClass);
        if (!fields.isEmpty() && AnnotationSupport.isAnnotated(testClass, VoxworksMockTest.class)) {
            throw new ExtensionConfigurationException(testClass.getName() + " has both @VoxworksMockTest and a "
                    + "@RegisterExtension VoxworksMockExtension field (" + names(fields) + "): use one of them. "
                    + "The annotation takes its settings from its attributes; the field from its builder.");
        }
    }

    private static List<Field> extensionFields(Class<?> testClass) {
        return AnnotationSupport.findAnnotatedFields(testClass, RegisterExtension.class,
                field -> VoxworksMockExtension.class.isAssignableFrom(field.getType()));
    }

    private static String names(List<Field> fields) {
        return fields.stream().map(Field::getName).sorted().collect(Collectors.joining(", "));
    }

    /**
     * Configures a {@link VoxworksMockExtension}. Every setting has the default that
     * {@link VoxworksMockTest} documents.
     */
    public static final class Builder {
        private Path fixturesDir;
        private RateLimit rateLimit = Settings.DEFAULTS.rateLimit();
        private Duration latency = Settings.DEFAULTS.latency();
        private FaultProfile faults = Settings.DEFAULTS.faults();
        private Long seed;  // null: the profile's own
        private boolean strict;
        private boolean perMethod;

        private Builder() {
        }

        /**
         * Serve the fixtures in this directory ({@code teams.json} and {@code calls/}), relative to the
         * working directory; default {@code null}, the demo fixtures bundled with the mock.
         */
        public Builder fixturesDir(Path fixturesDir) {
            this.fixturesDir = fixturesDir;
            return this;
        }

        /** Requests per window per API key ({@code 5/10s}, {@code 100/1m}, {@code off}); default {@code 60/60s}. */
        public Builder rateLimit(String rateLimit) {
            return rateLimit(RateLimit.parse(rateLimit));
        }

        /** As {@link #rateLimit(String)}; {@link RateLimit#off()} disables the limiter. */
        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
            return this;
        }

        /** Delay added to every API response, at most 2 minutes; default none. */
        public Builder latency(Duration latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /**
         * As {@link #latency(Duration)}, written as the annotation and {@code --latency} write it:
         * {@code "250ms"}, {@code "2s"}.
         *
         * @throws IllegalArgumentException naming the accepted forms
         */
        public Builder latency(String latency) {
            return latency(Durations.parse(latency));
        }

        /**
         * Faults at random for the API requests, as {@code --faults} reads them ({@code "5%:reset,2%:500"}),
         * drawn from {@link #seed(long)}: each test's requests are numbered from 0, so a test gets the same
         * faults on every run. Default {@code "off"}.
         *
         * @throws IllegalArgumentException in one line naming what is wrong
         */
        public Builder faults(String faults) {
            return faults(FaultProfile.parse(faults));
        }

        /** As {@link #faults(String)}; the profile's seed holds unless {@link #seed(long)} says otherwise. */
        public Builder faults(FaultProfile faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /** What the faults draw from, as {@code --seed}; default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Fail a test that made requests it did not expect: a 401, a request for a call id the data
         * lacks (when the test ends) or for no endpoint; a request a {@code verify} or {@code await} of
         * the test matched is expected. Off by default.
         */
        public Builder strict() {
            this.strict = true;
            return this;
        }

        /** A mock per test method, started before it and stopped after it, instead of one per class. */
        public Builder perMethod() {
            this.perMethod = true;
            return this;
        }

        /** @throws IllegalArgumentException for a setting the mock would refuse, such as a negative latency */
        public VoxworksMockExtension build() {
            FaultProfile seeded = seed == null ? faults : faults.withSeed(seed);
            return new VoxworksMockExtension(new Settings(fixturesDir, rateLimit, latency, seeded, strict, perMethod));
        }
    }
}
