package ai.voxworks.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module's public types are the three its package-info.java lists, and nothing else. */
class PublicApiTest {

    @Test
    void publicTypesAreExactlyThoseListedInPackageInfo() throws Exception {
        Path sources = Path.of("src/main/java/ai/voxworks/mock/junit5");
        var listed = Pattern.compile("\\{@link ai\\.voxworks\\.mock\\.junit5\\.(\\w+)}")
                .matcher(Files.readString(sources.resolve("package-info.java")))
                .results().map(m -> m.group(1)).distinct().toList();

        try (Stream<Path> files = Files.list(sources)) {
            var publicTypes = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".java") && !name.equals("package-info.java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .filter(PublicApiTest::isPublic)
                    .toList();

            assertThat(publicTypes).containsExactlyInAnyOrderElementsOf(listed)
                    .containsExactlyInAnyOrder("VoxworksMockTest", "VoxworksMockExtension", "VoxworksMock");
        }
    }

    private static boolean isPublic(String simpleName) {
        try {
            return Modifier.isPublic(Class.forName("ai.voxworks.mock.junit5." + simpleName).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
