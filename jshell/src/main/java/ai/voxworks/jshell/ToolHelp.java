package ai.voxworks.jshell;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import jdk.jshell.tool.JavaShellToolBuilder;

/**
 * JShell's {@code /help} with the helpers in it: a help subject {@code voxworks}, listed with
 * {@code intro}, {@code keys}, ... and shown by {@code /help voxworks}. The JDK's tool has no way to
 * add one, so this reaches into it (the launcher opens {@code jdk.jshell/jdk.internal.jshell.tool}):
 * it registers the subject as the tool registers its own, and lends the tool a resource bundle that
 * adds the subject's two texts to the JDK's. Should a JDK change those internals, the tool starts
 * as it is, with {@code /help} its own; {@code help()} lists the helpers either way.
 */
final class ToolHelp {

    static final String SUBJECT = "voxworks";

    private ToolHelp() {
    }

    /** Starts the interactive tool with the subject added, or as it is when that cannot be done. */
    static int start(JavaShellToolBuilder builder, String... args) throws Exception {
        Object tool;
        try {
            tool = withSubject(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return builder.start(args);
        }
        return (int) tool.getClass().getMethod("start", String[].class).invoke(tool, (Object) args);
    }

    /** The tool the builder would start, with the subject registered. */
    static Object withSubject(JavaShellToolBuilder builder) throws ReflectiveOperationException {
        Object tool = builder.getClass().getMethod("rawTool").invoke(builder);
        Class<?> toolClass = tool.getClass();
        Method resource = toolClass.getDeclaredMethod("getResourceString", String.class);
        resource.setAccessible(true);
        resource.invoke(tool, "help.help.summary");  // the tool loads its bundle on first use
        Field bundle = toolClass.getDeclaredField("outputRB");
        bundle.setAccessible(true);
        bundle.set(tool, new WithHelpers((ResourceBundle) bundle.get(tool)));
        Class<?> kind = Class.forName(toolClass.getName() + "$CommandKind");
        Class<?> command = Class.forName(toolClass.getName() + "$Command");
        Constructor<?> subject = command.getDeclaredConstructor(String.class, String.class, kind);
        subject.setAccessible(true);
        Method register = toolClass.getDeclaredMethod("registerCommand", command);
        register.setAccessible(true);
        register.invoke(tool, subject.newInstance(SUBJECT, "help." + SUBJECT, enumConstant(kind, "HELP_SUBJECT")));
        return tool;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    /** The tool's texts, and the subject's. */
    private static final class WithHelpers extends ResourceBundle {
        private final ResourceBundle jdk;
        private final Map<String, String> added = Map.of(
                "help." + SUBJECT + ".summary", "the Voxworks helpers: call(id), calls(), client, help(), ...",
                "help." + SUBJECT, Session.HELPERS);

        WithHelpers(ResourceBundle jdk) {
            this.jdk = jdk;
        }

        @Override
        protected Object handleGetObject(String key) {
            String own = added.get(key);
            return own != null ? own : jdk.getObject(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            Set<String> keys = new TreeSet<>(added.keySet());
            keys.addAll(Collections.list(jdk.getKeys()));
            return Collections.enumeration(keys);
        }
    }
}
