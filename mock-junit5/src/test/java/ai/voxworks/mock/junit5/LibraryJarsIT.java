package ai.voxworks.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * After package: each library module's jar has its module name, and sources and Javadoc jars lie
 * beside it (what {@code mvn install} puts in a user's local repository).
 */
class LibraryJarsIT {

    @ParameterizedTest
    @CsvSource({
            "../client,      voxworks-client,      ai.voxworks.client,      ai/voxworks/client/VoxworksClient",
            "../mock,        voxworks-mock,        ai.voxworks.mock,        ai/voxworks/mock/MockServer",
            ".,              voxworks-mock-junit5, ai.voxworks.mock.junit5, ai/voxworks/mock/junit5/VoxworksMockTest"})
    void jarHasAModuleNameAndSourcesAndJavadocBesideIt(Path module, String artifact, String moduleName, String type)
            throws IOException {
        Path target = module.resolve("target");
        String version = System.getProperty("voxworks.version");

        try (JarFile jar = new JarFile(target.resolve(artifact + "-" + version + ".jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo(moduleName);
        }
        try (JarFile sources = new JarFile(target.resolve(artifact + "-" + version + "-sources.jar").toFile())) {
            assertThat(sources.getEntry(type + ".java")).isNotNull();
        }
        try (JarFile javadoc = new JarFile(target.resolve(artifact + "-" + version + "-javadoc.jar").toFile())) {
            assertThat(javadoc.getEntry(type + ".html")).isNotNull();
            try (Stream<String> names = javadoc.stream().map(e -> e.getName())) {
                assertThat(names).noneMatch(name -> name.contains("/internal/"));  // not API, not documented
            }
        }
    }
}
