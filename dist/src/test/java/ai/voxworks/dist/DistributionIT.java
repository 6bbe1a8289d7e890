package ai.voxworks.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.TestHttp;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball as a frontend developer gets it: unpacked in a new place and started on a machine
 * where no {@code java} is on the PATH and JAVA_HOME is unset.
 */
class DistributionIT {

    /** What the launcher runs besides the runtime it brings: bash and a few core utilities. */
    private static final List<String> TOOLS = List.of("bash", "env", "readlink", "dirname", "sed", "stat", "cat", "cut",
            "head", "find", "mkdir", "mv", "rm", "grep", "tail");

    private static final Path TARBALL = Path.of(System.getProperty("voxworks.dist.tarball"));

    @TempDir
    static Path tools;

    @TempDir
    Path work;

    private static Map<String, String> noJava;

    @BeforeAll
    static void aPathWithoutJava() throws Exception {
        assumeTrue(Files.isRegularFile(TARBALL), "no " + TARBALL + " (the build skips it off Linux x86-64, on a JDK "
                + "that cannot link, and with -Dvoxworks.dist.skip)");
        for (String tool : TOOLS) {
            Files.copy(which(tool), tools.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
        }
        noJava = Map.of("PATH", tools.toString(), "HOME", tools.toString(), "LANG", "C.UTF-8");
    }

    /** The tarball unpacked in this test's own directory: a place the distribution has never been. */
    private Path home() throws Exception {
        Process untar = new ProcessBuilder("tar", "-xzf", TARBALL.toString(), "-C", work.toString()).inheritIO().start();
        assertThat(untar.waitFor()).isZero();
        try (Stream<Path> dirs = Files.list(work)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("voxworks-mock-")).findFirst().orElseThrow();
        }
    }

    @Test
    void startsAndServesACallWithNoJavaOnThePathAndNoJavaHome() throws Exception {
        Path bin = home().resolve("bin/voxworks-mock");
        assertThat(noJava).doesNotContainKey("JAVA_HOME");
        assertThat(Stream.of(noJava.get("PATH").split(File.pathSeparator)))
                .noneMatch(dir -> Files.exists(Path.of(dir, "java")));

        try (Launch first = Launch.of(noJava, bin.toString(), "--port", "0")) {
            HttpResponse<String> call = new TestHttp(first.awaitUrl()).getCall("call_nw_1001", DemoData.NORTHWIND_KEY);

            assertThat(call.statusCode()).isEqualTo(200);
            assertThat(call.body()).contains("\"id\":\"call_nw_1001\"");
            assertThat(first.terminate()).isEqualTo(143);
            // A new place: the archive is made for it, in one line, before the server starts.
            assertThat(first.output()).containsOnlyOnce("preparing a class-data archive");
        }
        // Later starts say nothing of it, and load the server's classes from it.
        Path classes = work.resolve("classes.log");
        Map<String, String> logged = new HashMap<>(noJava);
        logged.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classes);
        try (Launch second = Launch.of(logged, bin.toString(), "--port", "0")) {
            assertThat(new TestHttp(second.awaitUrl()).getCall("call_bb_2001", DemoData.BLUEBIRD_KEY).statusCode())
                    .isEqualTo(200);
            assertThat(second.terminate()).isEqualTo(143);
            assertThat(second.output()).doesNotContain("class-data archive");
        }
        assertThat(Files.readAllLines(classes))
                .anyMatch(l -> l.contains("ai.voxworks.mock.cli.Main source: shared objects file"))
                .anyMatch(l -> l.contains("io.javalin.Javalin source: shared objects file"));
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + tool + " on the PATH");
    }
}
