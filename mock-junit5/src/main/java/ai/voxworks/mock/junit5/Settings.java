package ai.voxworks.mock.junit5;

import ai.voxworks.client.internal.Durations;
import ai.voxworks.mock.FaultProfile;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * How the extension runs its mock: what {@link VoxworksMockTest}'s attributes or
 * {@link VoxworksMockExtension.Builder} say.
 *
 * @param fixturesDir absolute, or {@code null} for the bundled fixtures
 * @param faults      the fault profile, with its seed
 * @param strict      fail a test that made requests it did not expect
 * @param perMethod   one mock per test method instead of one per class
 */
record Settings(Path fixturesDir, RateLimit rateLimit, Duration latency, FaultProfile faults, boolean strict,
                boolean perMethod) {

    /** The documented defaults, the same for the annotation and the builder. */
    static final Settings DEFAULTS = new Settings(null, RateLimit.DEFAULT, Duration.ZERO, FaultProfile.OFF, false, false);

    Settings {
        // Relative to the working directory (the module's directory under Maven), fixed now.
        fixturesDir = fixturesDir == null ? null : fixturesDir.toAbsolutePath().normalize();
        config(fixturesDir, rateLimit, latency, faults);  // Refuse at once what the server would refuse later.
    }

    /** The settings an annotation gives; a bad attribute fails the class with a message naming it. */
    static Settings of(VoxworksMockTest annotation, Class<?> testClass) {
        Path dir;
        try {
            dir = annotation.fixturesDir().isBlank() ? null : Path.of(annotation.fixturesDir());
        } catch (IllegalArgumentException e) {
            throw badAttribute(testClass, "fixturesDir", e);
        }
        RateLimit rateLimit;
        try {
            rateLimit = RateLimit.parse(annotation.rateLimit());
        } catch (IllegalArgumentException e) {
            throw badAttribute(testClass, "rateLimit", e);
        }
        FaultProfile faults;
        try {
            faults = FaultProfile.parse(annotation.faults()).withSeed(annotation.seed());
        } catch (IllegalArgumentException e) {
            throw badAttribute(testClass, "faults", e);
        }
        try {
            return new Settings(dir, rateLimit, Durations.parse(annotation.latency()), faults, annotation.strict(), false);
        } catch (IllegalArgumentException e) {
            throw badAttribute(testClass, "latency", e);
        }
    }

    /** The server's configuration: loopback, a free port. */
    MockServerConfig config() {
        return config(fixturesDir, rateLimit, latency, faults);
    }

    private static MockServerConfig config(Path fixturesDir, RateLimit rateLimit, Duration latency, FaultProfile faults) {
        return MockServerConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .fixturesDir(fixturesDir)
                .rateLimit(rateLimit)
                .latency(latency)
                .faults(faults)
                .build();
    }

    private static ExtensionConfigurationException badAttribute(Class<?> testClass, String attribute,
                                                                IllegalArgumentException e) {
        return new ExtensionConfigurationException("@VoxworksMockTest(" + attribute + ") on "
                + testClass.getName() + ": " + e.getMessage());
    }
}
