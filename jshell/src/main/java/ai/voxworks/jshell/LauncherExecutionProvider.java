package ai.voxworks.jshell;

import java.io.File;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jdk.jshell.JShell;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * The execution engine {@code jshell/voxworks-shell} names ({@code --execution voxworks}): local
 * execution with the toolkit's display of calls ({@link LauncherExecution}). Public only because
 * {@link java.util.ServiceLoader} needs it so; not API.
 *
 * <p>It also hands each new JShell state (the first, and one per {@code /reset}, {@code /reload},
 * {@code /env}) to whoever watches snippets ({@link #onEveryState}): the script runner subscribes
 * to its snippet events to stop at the first rejected snippet or escaping exception. The JDK's
 * tool does not expose its {@link JShell}; the engine's environment is an inner object of it,
 * readable with {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED}, which the launcher passes.
 */
public final class LauncherExecutionProvider implements ExecutionControlProvider {

    private static volatile Consumer<JShell> watcher = shell -> { };

    /** Called by {@link java.util.ServiceLoader}. */
    public LauncherExecutionProvider() {
    }

    /** {@code shellWatcher} gets every JShell state created from now on; {@code null} if it cannot be reached. */
    static void onEveryState(Consumer<JShell> shellWatcher) {
        watcher = shellWatcher;
    }

    @Override
    public String name() {
        return "voxworks";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        watcher.accept(shellOf(env));
        LauncherExecution execution = new LauncherExecution();
        // Local execution ignores the class path the tool gives a remote JVM (--class-path, /env):
        // what this JVM's class path lacks, snippets load from their own class loader.
        String classPath = classPath(env.extraRemoteVMOptions(), System.getProperty("java.class.path"));
        if (!classPath.isEmpty()) {
            execution.addToClasspath(classPath);
        }
        return execution;
    }

    /** The entries of the {@code --class-path} options among {@code vmOptions} that {@code jvmClassPath} lacks. */
    static String classPath(List<String> vmOptions, String jvmClassPath) {
        Set<String> present = new HashSet<>(Arrays.asList(jvmClassPath.split(File.pathSeparator)));
        Set<String> missing = new LinkedHashSet<>();
        for (int i = 0; i + 1 < vmOptions.size(); i++) {
            String option = vmOptions.get(i);
            if (option.equals("--class-path") || option.equals("-classpath") || option.equals("-cp")) {
                for (String entry : vmOptions.get(++i).split(File.pathSeparator)) {
                    if (!entry.isEmpty() && !present.contains(entry)) {
                        missing.add(entry);
                    }
                }
            }
        }
        return String.join(File.pathSeparator, missing);
    }

    /** The JShell that {@code env} belongs to, or {@code null} when this JDK hides it. */
    static JShell shellOf(ExecutionEnv env) {
        try {
            Field outer = env.getClass().getDeclaredField("this$0");
            outer.setAccessible(true);
            return outer.get(env) instanceof JShell shell ? shell : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
