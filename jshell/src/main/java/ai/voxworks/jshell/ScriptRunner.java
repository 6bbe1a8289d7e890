package ai.voxworks.jshell;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs {@code .jsh} files without a prompt, for scripted checks: the JDK's default imports and
 * print helpers, then the startup script, then the script. Stops at the first rejected snippet or
 * escaping exception and exits non-zero, with one clear message instead of a stack trace.
 *
 * <pre>{@code java -cp ... ai.voxworks.jshell.ScriptRunner voxworks.jsh my-check.jsh}</pre>
 */
public final class ScriptRunner implements AutoCloseable {

    /** What a run ended with: 0 when every snippet ran, otherwise the exit status to use. */
    public record Outcome(int status, String failure) {
        public boolean ok() {
            return status == 0;
        }
    }

    private final JShell shell;
    private final PrintStream err;

    /** A shell with this JVM's class path, printing what snippets print to {@code out} and {@code err}. */
    public ScriptRunner(PrintStream out, PrintStream err) {
        this.err = err;
        // Snippets run in a separate JVM, as in jshell itself: their output reaches out and err.
        this.shell = JShell.builder().out(out).err(err).build();
        shell.addToClasspath(System.getProperty("java.class.path"));
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ScriptRunner STARTUP.jsh... SCRIPT.jsh");
            System.exit(2);
        }
        int status;
        try (ScriptRunner runner = new ScriptRunner(System.out, System.err)) {
            Outcome outcome = runner.evalResource("defaults.jsh");
            for (int i = 0; i < args.length && outcome.ok(); i++) {
                outcome = runner.evalFile(Path.of(args[i]));
            }
            status = outcome.status();
        }
        System.out.flush();
        System.exit(status);
    }

    /** Evaluates a resource of this package (the default imports and print helpers). */
    public Outcome evalResource(String name) {
        try (InputStream in = ScriptRunner.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return eval(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Outcome evalFile(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            return fail(2, file + ": cannot read: " + e.getMessage());
        }
        return eval(source, file.toString());
    }

    /** Evaluates {@code source} snippet by snippet; {@code name} is used in messages. */
    public Outcome eval(String source, String name) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = source;
        int line = 1;
        while (!remaining.isBlank()) {
            String trimmed = remaining.stripLeading();
            line += countLines(remaining.substring(0, remaining.length() - trimmed.length()));
            remaining = trimmed;
            if (remaining.startsWith("/") && !remaining.startsWith("//") && !remaining.startsWith("/*")) {
                int end = remaining.indexOf('\n');
                String command = (end < 0 ? remaining : remaining.substring(0, end)).strip();
                remaining = end < 0 ? "" : remaining.substring(end);
                Outcome outcome = command(command, name, line);
                if (outcome != null) {
                    return outcome;
                }
                continue;
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            String snippet = info.completeness().isComplete() ? info.source() : remaining;
            remaining = info.completeness().isComplete() ? info.remaining() : "";
            Outcome outcome = evalSnippet(snippet, name, line);
            if (!outcome.ok()) {
                return outcome;
            }
            line += countLines(snippet);
        }
        return new Outcome(0, null);
    }

    private Outcome command(String command, String name, int line) {
        if (command.equals("/exit")) {
            return new Outcome(0, null);
        }
        if (command.startsWith("/exit ")) {
            try {
                return new Outcome(Integer.parseInt(command.substring(6).strip()), null);
            } catch (NumberFormatException e) {
                return fail(2, name + ":" + line + ": /exit takes a whole number");
            }
        }
        return fail(2, name + ":" + line + ": " + command + " is a JShell command; a script may only use /exit");
    }

    private Outcome evalSnippet(String source, String name, int line) {
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                String why = shell.diagnostics(snippet).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
                return fail(1, name + ":" + line + ": rejected: " + firstLine(source) + (why.isEmpty() ? "" : ": " + why));
            }
            if (event.exception() != null) {
                return fail(1, name + ":" + line + ": " + describe(event.exception()));
            }
        }
        return new Outcome(0, null);
    }

    private static String describe(JShellException e) {
        String type = e instanceof EvalException eval ? eval.getExceptionClassName() : e.getClass().getName();
        return "exception " + type + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private Outcome fail(int status, String message) {
        err.println(message);
        err.flush();
        return new Outcome(status, message);
    }

    private static String firstLine(String source) {
        String s = source.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }

    private static int countLines(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        shell.close();
    }
}
