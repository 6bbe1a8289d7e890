package ai.voxworks.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.client.RateLimitException;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.client.internal.Durations;
import ai.voxworks.mock.FaultProfile;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The defaults the Java guide's settings table (docs/client-and-junit.md) and the annotation's Javadoc state are the ones the
 * code has, and the mock behaves by them (wiremock#1756: docs and defaults that drifted apart).
 */
class DocumentedDefaultsTest {

    private static final Path GUIDE = Path.of("../docs/client-and-junit.md");
    private static final Path ANNOTATION_SOURCE = Path.of("src/main/java/ai/voxworks/mock/junit5/VoxworksMockTest.java");

    /** The default column of the guide's row for this attribute, a Java literal. */
    static String readmeDefault(String attribute) throws Exception {
        Matcher row = Pattern.compile("(?m)^\\| `" + attribute + "` \\| [^|]+ \\| `([^`]*)` \\|")
                .matcher(Files.readString(GUIDE));
        assertThat(row.find()).as("the guide's row for %s", attribute).isTrue();
        return row.group(1);
    }

    /** The annotation's default as the Java literal one would write. */
    static String codeDefault(String attribute) throws Exception {
        Object value = VoxworksMockTest.class.getMethod(attribute).getDefaultValue();
        return value instanceof String text ? '"' + text + '"' : String.valueOf(value);
    }

    /** The config a mock with the documented defaults runs with: loopback, any free port. */
    static MockServerConfig documentedConfig() throws Exception {
        String dir = readmeDefault("fixturesDir");
        String rateLimit = readmeDefault("rateLimit");
        return MockServerConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .fixturesDir(dir.equals("\"\"") ? null : Path.of(dir.replace("\"", "")))
                .rateLimit(RateLimit.parse(rateLimit.replace("\"", "")))
                .latency(Durations.parse(readmeDefault("latency").replace("\"", "")))
                .faults(FaultProfile.parse(readmeDefault("faults").replace("\"", ""))
                        .withSeed(Long.parseLong(readmeDefault("seed"))))
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixturesDir", "rateLimit", "latency", "faults", "seed", "strict"})
    void readmeJavadocAndCodeAgree(String attribute) throws Exception {
        String readme = readmeDefault(attribute);

        assertThat(codeDefault(attribute)).isEqualTo(readme);
        // Javadoc says "Default {@code <literal>}" just before the attribute.
        Matcher doc = Pattern.compile("Default \\{@code ([^}]*)}[^;]*?\\s" + attribute + "\\(\\) default")
                .matcher(Files.readString(ANNOTATION_SOURCE));
        assertThat(doc.find()).as("Javadoc default of %s", attribute).isTrue();
        assertThat(doc.group(1)).isEqualTo(readme);
    }

    @Test
    void theRateLimitDefaultIsTheMocksOwn() throws Exception {
        assertThat(RateLimit.parse(readmeDefault("rateLimit").replace("\"", ""))).isEqualTo(RateLimit.DEFAULT);
    }

    @Test
    void strictIsOffByDefault() throws Exception {
        assertThat(readmeDefault("strict")).isEqualTo("false");
        assertThat(Settings.DEFAULTS.strict()).isFalse();
    }

    @Test
    void perMethodIsOffByDefault() throws Exception {
        assertThat(Files.readString(GUIDE)).contains("| | `perMethod()` | one mock per class |");
        assertThat(Settings.DEFAULTS.perMethod()).isFalse();
    }

    /** Both forms with nothing set run with the documented config, and behave by it. */
    static void behavesAsDocumented(VoxworksMock mock) throws Exception {
        assertThat(mock.server().config()).isEqualTo(documentedConfig());
        assertThat(mock.port()).isPositive();
        assertThat(mock.server().fixtures().source()).isEqualTo("bundled");

        // The guide's client(): the demo key (the first of the first team in teams.json), and no retries.
        assertThat(Files.readString(GUIDE)).contains("`vx_test_northwind_primary_7f3a9c` (`team_northwind`");
        VoxworksClient client = mock.client();
        for (int i = 0; i < 60; i++) {
            client.getCall("call_nw_1001");
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.getCall("call_nw_1001")).isInstanceOf(RateLimitException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(mock.requests()).hasSize(61).allSatisfy(r -> assertThat(r.teamId()).isEqualTo("team_northwind"));
    }

    @Nested
    @VoxworksMockTest
    class TheAnnotation {
        @Test
        void behavesAsDocumented(VoxworksMock mock) throws Exception {
            DocumentedDefaultsTest.behavesAsDocumented(mock);
        }
    }

    @Nested
    class TheBuilder {
        @RegisterExtension
        static VoxworksMockExtension mock = VoxworksMockExtension.builder().build();

        @Test
        void behavesAsDocumented() throws Exception {
            DocumentedDefaultsTest.behavesAsDocumented(mock);
        }
    }

    @Test
    void readmeStatesTheRealMethodsOfTheHandle() throws Exception {
        String readme = Files.readString(GUIDE);
        for (Method method : VoxworksMock.class.getDeclaredMethods()) {
            if (!method.isSynthetic()) {
                assertThat(readme.contains("`" + method.getName() + "(")).as("the guide on VoxworksMock.%s", method.getName())
                        .isTrue();
            }
        }
    }
}
