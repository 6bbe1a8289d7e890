package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each script of {@code src/test/resources/corpus} run by plain {@code jshell} (same JDK, same class
 * path, same start-up) and by the launcher: the same standard output, standard error and exit
 * status. Plain jshell's mock listens on another free port, and the rate-limit window may turn a
 * second between the two runs: the only differences allowed.
 */
class ScriptCorpusIT {

    private static final Path CORPUS = Path.of("src/test/resources/corpus").toAbsolutePath();

    @BeforeAll
    static void prepareArchive() throws Exception {
        Launch.prepareArchive();
    }

    static Stream<String> scripts() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jsh")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void theLauncherRunsTheScriptAsPlainJshellDoes(String script) throws Exception {
        assertSameRun(Launch.plainJshell(script).in(CORPUS), Launch.shell(script).in(CORPUS));
    }

    @Test
    void aScriptOnStandardInputRunsAsWithJshellDash() throws Exception {
        String source = Files.readString(CORPUS.resolve("basics.jsh"));

        assertSameRun(Launch.plainJshell("-").in(CORPUS).stdin(source), Launch.shell("-").in(CORPUS).stdin(source));
    }

    /** Runs both side by side (plain jshell spends much of its time waiting on its second JVM). */
    private static void assertSameRun(Launch plain, Launch ours) throws Exception {
        CompletableFuture<Launch.Result> reference = CompletableFuture.supplyAsync(() -> {
            try {
                return plain.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Launch.Result run = ours.run();
        Launch.Result expected = reference.join();

        assertThat(expected.out()).as("plain jshell ran the script: %s", expected).contains("Voxworks JShell toolkit, offline");
        assertThat(expected.err()).as("plain jshell ran the script: %s", expected).doesNotContain("Error:", "Exception");
        // The one difference: the launcher writes the start-up banner to standard error, where plain
        // jshell (running voxworks.jsh as a start-up file) prints it with the script's output.
        String plainOut = expected.out().replaceFirst("Voxworks JShell toolkit, [^\n]*\nType help\\(\\)[^\n]*\n", "");
        assertThat(normalized(run.out())).as(run.toString()).isEqualTo(normalized(plainOut));
        assertThat(run.err()).startsWith("Voxworks JShell toolkit, offline");
        assertThat(run.errAfterBanner()).isEqualTo(expected.err());
        assertThat(run.status()).isEqualTo(expected.status());
    }

    private static String normalized(String out) {
        return out.replaceAll("http://127\\.0\\.0\\.1:\\d+", "http://127.0.0.1:PORT").replaceAll("resets in \\d+ s", "resets in N s");
    }
}
