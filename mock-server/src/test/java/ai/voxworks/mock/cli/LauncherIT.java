package ai.voxworks.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mock-server/voxworks-mock, the quick start: the jar with a class-data archive made for the JVM
 * that runs it. Each test has its own copy of the launcher, the jar and the class list the build
 * made, so none sees an archive another made.
 */
class LauncherIT {

    private static final Path TARGET = Path.of("target");

    @TempDir
    Path copy;

    private Path launcher;
    private Path archive;

    @BeforeEach
    void copyLauncherJarAndClassList() throws Exception {
        Files.createDirectories(copy.resolve("target"));
        launcher = Files.copy(Path.of("voxworks-mock"), copy.resolve("voxworks-mock"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String file : new String[] {"voxworks-mock-server.jar", "voxworks-mock-server.classlist"}) {
            assertThat(TARGET.resolve(file)).as("made by the package phase").isRegularFile();
            Files.copy(TARGET.resolve(file), copy.resolve("target").resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        archive = copy.resolve("target/voxworks-mock-server.jsa");
    }

    @Test
    void makesTheArchiveForThisJvmOnceThenLoadsTheServerFromIt() throws Exception {
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));
        try (ServerProcess first = ServerProcess.of(env, launcher.toString(), "--port", "0")) {
            assertThat(servesACall(first)).isEqualTo(200);
            assertThat(first.terminate()).isEqualTo(143);
            assertThat(first.output()).containsOnlyOnce("voxworks-mock: preparing a class-data archive for Java "
                    + Runtime.version().feature());
        }
        assertThat(archive).isRegularFile();

        Path classes = copy.resolve("classes.log");
        try (ServerProcess second = ServerProcess.of(Map.of("JAVA_HOME", System.getProperty("java.home"),
                "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classes), launcher.toString(), "--port", "0")) {
            assertThat(servesACall(second)).isEqualTo(200);
            assertThat(second.terminate()).isEqualTo(143);
            assertThat(second.output()).doesNotContain("class-data archive");
        }
        assertThat(Files.readAllLines(classes))
                .anyMatch(l -> l.contains("ai.voxworks.mock.cli.Main source: shared objects file"))
                .anyMatch(l -> l.contains("io.javalin.Javalin source: shared objects file"));
    }

    @Test
    void anArchiveTheJvmCannotUseStillStarts() throws Exception {
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));
        try (ServerProcess prepare = ServerProcess.of(env, launcher.toString(), "--version")) {
            assertThat(prepare.awaitExit()).isZero();
        }
        // The launcher believes it fits (same JVM, same jar); the JVM finds it does not, and goes without.
        archive.toFile().setWritable(true);
        Files.write(archive, new byte[] {'n', 'o', 't', ' ', 'a', 'n', ' ', 'a', 'r', 'c', 'h', 'i', 'v', 'e'});

        try (ServerProcess server = ServerProcess.of(env, launcher.toString(), "--port", "0")) {
            assertThat(servesACall(server)).isEqualTo(200);
            assertThat(server.terminate()).isEqualTo(143);
            assertThat(server.output()).doesNotContain("cds", "shared archive");
        }
    }

    @Test
    void aJavaThatCannotMakeTheArchiveStartsWithoutItAndSaysSoOnce() throws Exception {
        // A JVM that refuses to dump an archive (as one without class-data sharing does), else the real one.
        Path home = Files.createDirectories(copy.resolve("jdk/bin"));
        Path java = home.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "for arg in \"$@\"; do [ \"$arg\" != -Xshare:dump ] || { echo 'Error: class data sharing is not supported' >&2; exit 1; }; done\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("JAVA_HOME", home.getParent().toString());

        try (ServerProcess first = ServerProcess.of(env, launcher.toString(), "--port", "0")) {
            assertThat(servesACall(first)).isEqualTo(200);
            assertThat(first.terminate()).isEqualTo(143);
            assertThat(first.output()).containsOnlyOnce("voxworks-mock: this Java could not make the archive "
                    + "(Error: class data sharing is not supported); starting without it from now on");
        }
        try (ServerProcess second = ServerProcess.of(env, launcher.toString(), "--port", "0")) {
            assertThat(servesACall(second)).isEqualTo(200);
            assertThat(second.terminate()).isEqualTo(143);
            assertThat(second.output()).doesNotContain("archive");
        }
        assertThat(archive).doesNotExist();
    }

    private static int servesACall(ServerProcess server) throws Exception {
        return new TestHttp(server.awaitUrl()).getCall("call_bb_2001", DemoData.BLUEBIRD_KEY).statusCode();
    }
}
