package ai.voxworks.jshell;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * Runs snippets in the launcher's own JVM, as {@code jshell --execution local} does: no second JVM
 * to start and connect to, and the in-process mock lives and dies with the launcher. On top of
 * the JDK's local execution it only changes how the toolkit's values and errors are shown (see
 * {@link Display}): every snippet runs through {@link #runSnippet()}, which hands JShell the short
 * form of a call, and an API error escapes as one line, without the client's stack trace.
 */
final class LauncherExecution extends LocalExecutionControl {

    private static final Method TRAMPOLINE;

    static {
        try {
            TRAMPOLINE = LauncherExecution.class.getDeclaredMethod("runSnippet");
            TRAMPOLINE.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The snippet method {@link #runSnippet()} calls next. Snippets run one at a time. */
    private static volatile Method pending;
    /** The thread running a snippet now, or {@code null}. */
    private static volatile Thread running;
    /** How long a stopped snippet has to end on its own before its thread is killed. */
    private static final long STOP_GRACE_MILLIS = 1_000;

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        pending = doitMethod;
        return super.invoke(TRAMPOLINE);
    }

    /** Runs the pending snippet; JShell sees its exceptions as if it had called the snippet itself. */
    @SuppressWarnings("unused") // called reflectively, by LocalExecutionControl
    private static Object runSnippet() throws Throwable {
        Object value;
        running = Thread.currentThread();
        try {
            value = pending.invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            running = null;
        }
        return Display.brief(value).<Object>map(Shown::new).orElse(value);
    }

    /**
     * Ctrl-C at the prompt: the snippet's thread is interrupted first, so that a helper that waits
     * ({@code watch}) ends on its own terms, saying so; only a snippet that goes on after a second is
     * stopped the JDK's way, which kills its thread wherever it is.
     */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
        Thread snippet = running;
        if (snippet != null) {
            snippet.interrupt();
            try {
                snippet.join(STOP_GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (running != snippet) {
                return;
            }
        }
        super.stop();
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException,
            InternalException {
        Optional<String> brief;
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            brief = Display.brief(field.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            brief = Optional.empty();  // JShell's own path reports it
        }
        return brief.isPresent() ? brief.get() : super.varValue(className, varName);
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        Optional<String> line = Display.errorLine(cause);
        if (line.isPresent()) {
            // At the prompt an API error is one line, without frames. A script runner reports the failure
            // itself, by the snippet's line: it gets the snippet's own frames (JShell maps them to #id:line).
            StackTraceElement[] frames = scriptFrames ? Arrays.stream(cause.getStackTrace())
                    .filter(f -> f.getClassName().startsWith("REPL.")).toArray(StackTraceElement[]::new)
                    : new StackTraceElement[0];
            throw new UserException(line.get(), cause.getClass().getName(), frames);
        }
        return super.throwConvertedInvocationException(cause);
    }

    /** Set by the launcher when it runs scripts: an API error keeps the frames of the snippet it escaped. */
    static volatile boolean scriptFrames;

    /** A value JShell prints with {@code toString()}, unquoted. */
    private record Shown(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
