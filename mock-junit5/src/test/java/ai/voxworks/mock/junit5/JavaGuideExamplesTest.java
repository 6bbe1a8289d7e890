package ai.voxworks.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java guide's (docs/client-and-junit.md) consumer pom.xml and worked examples are examples/consumer/ word for word (which
 * .ci/run builds against the installed artifacts), and name the versions this build has.
 */
class JavaGuideExamplesTest {

    private static final Path CONSUMER = Path.of("../examples/consumer");

    @ParameterizedTest
    @ValueSource(strings = {"pom.xml", "src/main/java/com/example/CallStatus.java",
            "src/test/java/com/example/CallStatusTest.java", "src/test/java/com/example/CallVerificationTest.java",
            "src/test/java/com/example/CallFaultsTest.java", "src/test/java/com/example/CallWatcherTest.java"})
    void theGuideShowsTheExampleProjectsFile(String file) throws Exception {
        String content = Files.readString(CONSUMER.resolve(file)).stripTrailing();

        assertThat(Files.readString(Path.of("../docs/client-and-junit.md"))).contains("\n" + content + "\n```\n");
    }

    @Test
    void theExampleNamesTheVersionsOfThisBuild() throws Exception {
        String pom = Files.readString(CONSUMER.resolve("pom.xml"));

        assertThat(pom).contains("<voxworks.version>" + System.getProperty("voxworks.version") + "</voxworks.version>");
        for (String plugin : List.of("junit", "maven-compiler-plugin", "maven-surefire-plugin")) {
            String version = System.getProperty("voxworks.test." + plugin + ".version");
            assertThat(version).as(plugin).isNotBlank();
            assertThat(pom).contains(plugin.equals("junit") ? "<junit.version>" + version + "</junit.version>"
                    : plugin + "</artifactId>\n        <version>" + version + "</version>");
        }
    }

    @Test
    void theGuideGivesTheCoordinatesWithTheVersionAndTheReadmeTheInstallCommand() throws Exception {
        String readme = Files.readString(Path.of("../docs/client-and-junit.md"));
        String version = System.getProperty("voxworks.version");

        for (String artifact : List.of("voxworks-client", "voxworks-mock-junit5", "voxworks-mock")) {
            assertThat(readme).contains("`ai.voxworks:" + artifact + ":" + version + "`");
        }
        assertThat(readme).contains("mvn -B -q install -DskipTests -pl mock-junit5 -am");
        assertThat(Files.readString(Path.of("../README.md"))).contains("mvn -B -q install -DskipTests -pl mock-junit5 -am");
    }
}
