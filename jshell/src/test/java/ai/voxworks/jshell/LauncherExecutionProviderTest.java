package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

class LauncherExecutionProviderTest {

    @Test
    void theClassPathForSnippetsIsWhatTheToolGaveThatTheJvmLacks() {
        List<String> vmOptions = List.of("-Xmx1g", "--class-path", "/a.jar:/lib/classes:/toolkit.jar", "--add-modules", "x");

        assertThat(LauncherExecutionProvider.classPath(vmOptions, "/toolkit.jar:/deps.jar:/toolkit.jar"))
                .isEqualTo("/a.jar:/lib/classes");
        assertThat(LauncherExecutionProvider.classPath(List.of("--class-path", "/toolkit.jar"), "/toolkit.jar")).isEmpty();
        assertThat(LauncherExecutionProvider.classPath(List.of(), "/toolkit.jar")).isEmpty();
    }

    @Test
    void ctrlCInterruptsAWaitingSnippetWhichEndsOnItsOwnTerms() {
        try (JShell shell = shell()) {
            shell.eval("String sleepOrSay() { try { Thread.sleep(30_000); return \"slept\"; } "
                    + "catch (InterruptedException e) { return \"interrupted, and said so\"; } }");

            List<SnippetEvent> events = evalStoppedAfter(shell, "sleepOrSay()", 300);

            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.exception()).isNull();
                assertThat(e.value()).isEqualTo("\"interrupted, and said so\"");
            });
        }
    }

    @Test
    void aSnippetDeafToInterruptsIsStillStopped() {
        try (JShell shell = shell()) {
            long started = System.nanoTime();

            List<SnippetEvent> events = evalStoppedAfter(shell, "while (true) { }", 300);

            assertThat(events).singleElement().satisfies(e -> assertThat(e.value()).isNull());
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
        }
    }

    private static JShell shell() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return JShell.builder().executionEngine(new LauncherExecutionProvider(), Map.of()).out(quiet).err(quiet).build();
    }

    /** {@code source} evaluated, with Ctrl-C (JShell's stop) after {@code millis}. */
    private static List<SnippetEvent> evalStoppedAfter(JShell shell, String source, long millis) {
        Thread ctrlC = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            shell.stop();
        });
        ctrlC.start();
        return shell.eval(source);
    }
}
