package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code jshell/voxworks-shell} (or plain {@code jshell}) as a user would: a subprocess with
 * its own standard streams. Every launcher run carries a marker in its JVM options, so a test can
 * ask whether any JVM of that run is still alive.
 */
final class Launch {

    static final Path LAUNCHER = Path.of("voxworks-shell").toAbsolutePath();
    static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    private static final Path PREFS = LAUNCHER.resolveSibling("target/it-jshell-prefs");

    /** What a finished run left: its status and its two output streams. */
    record Result(int status, String out, String err) {
        /** Standard error after the start-up banner, which a script run writes there: what the run reported. */
        String errAfterBanner() {
            return err.replaceFirst("^Voxworks JShell toolkit, [^\n]*\nType help\\(\\)[^\n]*\n", "");
        }

        /** Both streams, for assertion messages. */
        @Override
        public String toString() {
            return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static boolean archivePrepared;

    /**
     * The first launch after a build prepares the class-data archive (and says so on standard
     * error); this makes that launch, so that the tests' own runs are as a user's later ones.
     */
    static synchronized void prepareArchive() throws IOException, InterruptedException {
        if (!archivePrepared) {
            Result first = shell("-").stdin("/exit\n").run();
            assertThat(first.status()).as(first.toString()).isZero();
            archivePrepared = true;
        }
    }

    final String marker = "voxworks-it-" + UUID.randomUUID();
    private final List<String> command = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private Path dir = Path.of(".").toAbsolutePath();
    private String stdin = "";

    private Launch(List<String> command) {
        this.command.addAll(command);
    }

    /** The launcher with these arguments, offline, without a build check. */
    static Launch shell(String... args) {
        Launch launch = new Launch(List.of("bash", LAUNCHER.toString()));
        launch.command.add("-J-Dvoxworks.it.marker=" + launch.marker);
        launch.command.add("-J-Djava.util.prefs.userRoot=" + PREFS);  // JShell's history: not the developer's
        launch.command.addAll(List.of(args));
        // Maven built and packaged everything a moment ago; a nested build would only repeat it.
        launch.env.put("VOXWORKS_SHELL_NO_BUILD", "1");
        return launch;
    }

    /** Plain jshell of this JDK with the toolkit's class path and start-up, as the launcher has them. */
    static Launch plainJshell(String... args) throws IOException {
        Path target = LAUNCHER.resolveSibling("target");
        String classPath = target.resolve("voxworks-jshell.jar") + File.pathSeparator
                + Files.readString(target.resolve("classpath.txt")).strip();
        Launch launch = new Launch(List.of(JAVA_HOME.resolve("bin/jshell").toString(),
                // The JIT setting only makes the reference runs quicker; it changes no output.
                "-J-XX:TieredStopAtLevel=1", "-R-XX:TieredStopAtLevel=1",
                "-J-Djava.util.prefs.userRoot=" + PREFS, "--class-path", classPath, "--startup", "DEFAULT",
                "--startup", LAUNCHER.resolveSibling("voxworks.jsh").toString()));
        launch.command.addAll(List.of(args));
        return launch;
    }

    Launch env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Launch in(Path directory) {
        dir = directory;
        return this;
    }

    Launch stdin(String text) {
        stdin = text;
        return this;
    }

    /** The process, started: offline (no key from the developer's shell), this JDK. */
    Process start(Path outFile, Path errFile) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        builder.environment().remove("VOXWORKS_API_KEY");
        builder.environment().remove("VOXWORKS_BASE_URL");
        builder.environment().put("JAVA_HOME", JAVA_HOME.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs to the end, feeding {@link #stdin} and closing it. */
    Result run() throws IOException, InterruptedException {
        Path out = Files.createTempFile("launch", ".out");
        Path err = Files.createTempFile("launch", ".err");
        try {
            Process process = start(out, err);
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The processes of this run still alive: the launcher, its JVM, anything they started. */
    List<ProcessHandle> leftRunning() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
    }
}
