package ai.voxworks.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tests are hermetic: the parent pom removes every {@code VOXWORKS_*} variable the toolkit reads from
 * every test JVM, so a developer's exported key, base URL or rate-limit store changes no result.
 */
class HermeticTestsTest {

    // A whole name, not the prefix of a family such as VOXWORKS_MOCK_*.
    private static final Pattern NAME = Pattern.compile("VOXWORKS_[A-Z][A-Z0-9_]*[A-Z0-9](?![A-Z0-9_*])");

    @Test
    void noVoxworksVariableReachesATest() {
        assertThat(System.getenv().keySet()).noneMatch(name -> name.startsWith("VOXWORKS_"));
    }

    @Test
    void everyVariableTheToolkitReadsIsRemovedFromTests() throws IOException {
        Set<String> excluded = Arrays.stream(System.getProperty("voxworks.test.excludedVariables").split(","))
                .map(String::strip).collect(Collectors.toCollection(TreeSet::new));
        Path root = Path.of(System.getProperty("voxworks.fixtures.dir")).getParent();
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> isSource(root, f)).toList()) {
                Matcher m = NAME.matcher(Files.readString(file));
                while (m.find()) {
                    read.add(m.group());
                }
            }
        }

        assertThat(read).as("VOXWORKS_ variables named in the sources").hasSizeGreaterThan(20);
        assertThat(excluded).containsAll(read);
    }

    private static boolean isSource(Path root, Path file) {
        String path = root.relativize(file).toString();
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !path.contains("/target/") && !path.startsWith(".git") && !path.startsWith("examples")
                && (name.endsWith(".java") || name.endsWith(".jsh") || name.equals("voxworks-shell") || name.equals("voxworks-mock"));
    }
}
