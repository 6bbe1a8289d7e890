package ai.voxworks.jshell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;

/**
 * What the JDK's tool reads when the launcher runs scripts: the files' lines, one line per read,
 * through the tool's {@code -} load file (standard input, no prompt). The tool itself splits
 * snippets, runs commands and evaluates; this only watches, so a script means what it means to
 * {@code jshell FILE}.
 *
 * <p>The tool asks for the next line only once everything before it has run, so each read is a
 * checkpoint: if the lines handed over so far produced a rejected snippet or an escaping exception
 * (also in a file they {@code /open}), the run stops there with one line naming the file and line,
 * and exits 1. What the tool reports on its error stream is held per line and shown when nothing
 * failed (warnings, a command's error, as {@code jshell} shows them); a failure is reported by that
 * one line instead.
 */
final class ScriptFeed extends InputStream {

    /** A script: its name in messages, and its bytes. */
    record Script(String name, InputStream content) {
    }

    private final Deque<Script> scripts;
    private final String startupName;
    private final PrintStream err;
    private final ByteArrayOutputStream toolErrBytes = new ByteArrayOutputStream();
    private final PrintStream toolErr = new PrintStream(toolErrBytes, true, Charset.defaultCharset());

    private Script script;
    private int line;
    private int commandLine;
    private String commandText;
    private byte[] pending = new byte[0];
    private int pendingAt;
    private boolean finished;
    private int status;

    private boolean watching;
    private String failure;
    private String failureSource;
    /** Which line of the failing snippet failed, from 0: a multi-line statement names its own line. */
    private int failureLine;

    /**
     * @param scripts     run in this order
     * @param startupName what a failure before the first line is blamed on
     * @param err         where failures and the tool's other messages go
     */
    ScriptFeed(List<Script> scripts, String startupName, PrintStream err) {
        this.scripts = new ArrayDeque<>(scripts);
        this.startupName = startupName;
        this.err = err;
    }

    /** The stream to give the tool as its error stream (its reports of errors and warnings). */
    PrintStream toolErr() {
        return toolErr;
    }

    /** 0, or 1 when the run stopped at a failure. */
    int status() {
        return status;
    }

    /** Watches {@code shell}'s snippets; {@code null} (this JDK hides the tool's shell) falls back on the tool's messages. */
    void watch(JShell shell) {
        watching = shell != null;
        if (shell != null) {
            shell.onSnippetEvent(event -> noticed(shell, event));
        }
    }

    private void noticed(JShell shell, SnippetEvent event) {
        if (event.causeSnippet() != null) {
            return;
        }
        if (failure != null) {
            return;
        }
        Snippet snippet = event.snippet();
        if (event.status() == Snippet.Status.REJECTED) {
            String why = shell.diagnostics(snippet).filter(d -> d.isError())
                    .map(d -> oneLine(d.getMessage(null))).collect(Collectors.joining("; "));
            failure = "rejected: " + firstLine(snippet.source()) + (why.isEmpty() ? "" : ": " + why);
            failureSource = snippet.source();
        } else if (event.exception() != null) {
            failure = describe(shell, event.exception());
            failureSource = snippet.source();
            failureLine = lineInSnippet(event.exception(), snippet);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pendingAt == pending.length) {
            checkpoint();
            if (finished || !nextLine()) {
                finished = true;
                return -1;
            }
        }
        int n = Math.min(len, pending.length - pendingAt);
        System.arraycopy(pending, pendingAt, b, off, n);
        pendingAt += n;
        return n;
    }

    /** Nothing is ready beyond what was handed over: the tool's reader returns a line at a time. */
    @Override
    public int available() {
        return pending.length - pendingAt;
    }

    /** After the tool ended: what it reported since the last line (a bad option, say) is shown as is. */
    void finish() {
        toolErr.flush();
        err.print(toolErrBytes.toString(Charset.defaultCharset()));
        err.flush();
        toolErrBytes.reset();
    }

    /** Everything handed over has run: stop at a failure, or pass the tool's messages on. */
    private void checkpoint() {
        toolErr.flush();
        String reported = toolErrBytes.toString(Charset.defaultCharset());
        toolErrBytes.reset();
        String why = failure;
        if (why == null && !reported.isBlank() && !watching) {
            why = oneLine(reported);  // no snippet events to tell errors from warnings: any report stops the run
        }
        if (why == null) {
            err.print(reported);
        } else if (!finished) {
            System.out.flush();
            err.println(where() + ": " + why);
            err.flush();
            status = 1;
            finished = true;
        }
        failure = null;
        failureSource = null;
        failureLine = 0;
    }

    private String where() {
        if (script == null) {
            return startupName;
        }
        if (commandLine == line) {
            return script.name() + ":" + line + ": " + commandText;
        }
        int start = failureSource == null ? line : line - (int) failureSource.chars().filter(c -> c == '\n').count();
        return script.name() + ":" + (Math.max(start, 1) + failureLine);
    }

    /**
     * The line of {@code snippet}, from 0, where {@code e} was thrown: JShell names a snippet's frames
     * {@code #<id>} with the snippet's own line numbers, so the innermost such frame is the statement
     * that failed (inside a loop or a block, not the line it began on). 0 when there is none.
     */
    static int lineInSnippet(JShellException e, Snippet snippet) {
        String file = "#" + snippet.id();
        for (StackTraceElement frame : e.getStackTrace()) {
            if (file.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                int lines = (int) snippet.source().chars().filter(c -> c == '\n').count() + 1;
                return Math.min(frame.getLineNumber(), lines) - 1;
            }
        }
        return 0;
    }

    private boolean nextLine() throws IOException {
        while (true) {
            if (script == null) {
                script = scripts.poll();
                line = 0;
                if (script == null) {
                    return false;
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int c;
            while ((c = script.content().read()) >= 0 && c != '\n') {
                bytes.write(c);
            }
            if (c < 0 && bytes.size() == 0) {
                script.content().close();
                script = null;
                if (scripts.isEmpty()) {
                    return false;
                }
                continue;
            }
            line++;
            bytes.write('\n');
            pending = bytes.toByteArray();
            pendingAt = 0;
            String text = new String(pending, Charset.defaultCharset()).strip();
            if (text.startsWith("/") && !text.startsWith("//") && !text.startsWith("/*")) {
                commandLine = line;
                commandText = text;
            }
            return true;
        }
    }

    private static String describe(JShell shell, JShellException e) {
        if (e instanceof EvalException thrown) {
            return "exception " + thrown.getExceptionClassName() + (thrown.getMessage() == null ? "" : ": " + oneLine(thrown.getMessage()));
        }
        if (e instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet snippet = unresolved.getSnippet();
            return "unresolved: " + snippet.name() + " uses "
                    + shell.unresolvedDependencies(snippet).collect(Collectors.joining(", ")) + ", which is not declared";
        }
        return "exception " + e;
    }

    /** A message on one line: its first line, then any others but javac's "location:" in parentheses. */
    static String oneLine(String message) {
        String[] lines = message.strip().split("\\R");
        String rest = java.util.Arrays.stream(lines).skip(1).map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("location:")).collect(Collectors.joining("; "));
        return lines[0].strip() + (rest.isEmpty() ? "" : " (" + rest + ")");
    }

    private static String firstLine(String source) {
        String s = source.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
