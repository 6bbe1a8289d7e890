package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScriptRunnerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ScriptRunner runner = new ScriptRunner(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void runsSnippetsInOrderWithDefaultImportsAndPrintHelpers() {
        assertThat(runner.evalResource("defaults.jsh").failure()).isNull();

        ScriptRunner.Outcome outcome = runner.eval("""
                // a comment, then /* another */ before the first snippet
                /* block
                   comment */
                List<Integer> xs = new ArrayList<>(List.of(3, 1, 2));
                Collections.sort(xs);
                int twice(int x) {
                    return 2 * x;
                }
                println(xs + " " + twice(21));
                """, "check.jsh");

        assertThat(outcome.ok()).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[1, 2, 3] 42\n");
    }

    @Test
    void rejectedSnippetStopsTheRunWithItsLineAndReason() {
        ScriptRunner.Outcome outcome = runner.eval("""
                int a = 1;

                String b = a;
                System.out.println("not reached");
                """, "bad.jsh");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.failure()).startsWith("bad.jsh:3: rejected: String b = a;").contains("incompatible types");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("not reached");
    }

    @Test
    void escapingExceptionStopsTheRunWithoutAStackTrace() {
        ScriptRunner.Outcome outcome = runner.eval("""
                System.out.println("before");
                Integer.parseInt("twelve");
                System.out.println("after");
                """, "boom.jsh");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.failure()).isEqualTo(
                "boom.jsh:2: exception java.lang.NumberFormatException: For input string: \"twelve\"");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("before\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
    }

    @Test
    void exitCommandEndsTheScriptWithItsStatus() {
        ScriptRunner.Outcome outcome = runner.eval("""
                System.out.println("done");
                /exit 3
                System.out.println("not reached");
                """, "exit.jsh");

        assertThat(outcome.status()).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("done\n");
    }

    @Test
    void otherJshellCommandsAreRefusedClearly() {
        ScriptRunner.Outcome outcome = runner.eval("/vars\n", "cmd.jsh");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.failure()).contains("/vars is a JShell command");
    }
}
