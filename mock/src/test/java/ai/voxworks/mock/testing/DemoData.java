package ai.voxworks.mock.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's demo data, for tests: its keys and the {@code fixtures/} folder. */
public final class DemoData {

    public static final String NORTHWIND_KEY = "vx_test_northwind_primary_7f3a9c";
    public static final String NORTHWIND_SECOND_KEY = "vx_test_northwind_ops_2b8e41";
    public static final String BLUEBIRD_KEY = "vx_test_bluebird_5d0c6a";

    private DemoData() {
    }

    /** The repository's {@code fixtures/} (the surefire configuration names it). */
    public static Path fixturesDir() {
        return Path.of(System.getProperty("voxworks.fixtures.dir"));
    }

    /** A key of the team that owns the calls whose ids start {@code call_nw_} or {@code call_bb_}. */
    public static String keyFor(String callId) {
        return callId.startsWith("call_bb_") ? BLUEBIRD_KEY : NORTHWIND_KEY;
    }

    /** Copies {@code fixtures/} into {@code dir}, where a test may edit it. */
    public static void copyTo(Path dir) throws IOException {
        Path source = fixturesDir();
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
