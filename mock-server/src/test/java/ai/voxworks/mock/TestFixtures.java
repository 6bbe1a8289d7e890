package ai.voxworks.mock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's fixtures, copied where a test may edit them. */
public final class TestFixtures {

    private TestFixtures() {
    }

    /** The repository's {@code fixtures/} (the surefire configuration names it). */
    public static Path repository() {
        return Path.of(System.getProperty("voxworks.fixtures.dir"));
    }

    /** Copies {@code fixtures/} into {@code dir}. */
    public static void copyTo(Path dir) throws IOException {
        Path source = repository();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
