package ai.voxworks.jshell;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import jdk.jshell.tool.JavaShellToolBuilder;

/**
 * {@code jshell/voxworks-shell}: the JDK's own JShell tool, in this JVM, with the toolkit on the
 * class path and {@code voxworks.jsh} after JShell's {@code DEFAULT} start-up.
 *
 * <p>Arguments are {@code jshell}'s. Without load files it is the interactive tool. With them
 * ({@code FILE.jsh}, {@code -} for standard input), the tool runs them as {@code jshell FILE}
 * does, with two additions for scripted checks: the run stops at the first rejected snippet or
 * escaping exception with one line naming the file and line (exit status 1), and it ends at the
 * end of the files instead of showing a prompt. {@code /exit N} exits with N.
 *
 * <p>Snippets run in this JVM ({@link LauncherExecutionProvider}), so nothing outlives it: the
 * in-process mock, started in the background while JShell starts, goes when the tool ends.
 */
public final class Shell {

    /** jshell's options that take a value as the next argument. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--class-path", "--module-path", "--add-modules",
            "--add-exports", "--startup", "--feedback", "--execution", "-R", "-C");
    /** Load files jshell finds without a path: its predefined scripts (DEFAULT, PRINTING, ...) and URLs. */
    private static final Pattern NOT_A_PATH = Pattern.compile("\\w+|[a-zA-Z][a-zA-Z0-9+.-]*://.*");

    private Shell() {
    }

    /**
     * Runs the tool and exits with its status. The launcher sets {@code voxworks.shell.startup}
     * (the path of {@code voxworks.jsh}) and {@code voxworks.shell.sources} (source directories
     * or jars, for Javadoc on Tab).
     */
    public static void main(String[] args) {
        int status;
        try {
            Path startup = Path.of(System.getProperty("voxworks.shell.startup", "voxworks.jsh"));
            List<Path> sources = Pattern.compile(File.pathSeparator)
                    .splitAsStream(System.getProperty("voxworks.shell.sources", ""))
                    .filter(s -> !s.isBlank()).map(Path::of).toList();
            status = run(List.of(args), startup, sources, System::getenv, System.in, System.err);
        } catch (Throwable e) {
            System.err.println("voxworks-shell: " + e);
            status = 1;
        }
        System.out.flush();
        System.err.flush();
        // Also ends what the session started (the mock's threads): nothing outlives the launcher.
        System.exit(status);
    }

    /** The tool's run, without exiting: the status to exit with. */
    static int run(List<String> args, Path startup, List<Path> sources, Function<String, String> env,
                   InputStream in, PrintStream err) throws Exception {
        Arguments arguments = Arguments.parse(args);
        List<ScriptFeed.Script> scripts = new ArrayList<>();
        for (String file : arguments.loadFiles()) {
            Path path = Path.of(file);
            if (file.equals("-")) {
                scripts.add(new ScriptFeed.Script("<stdin>", in));
            } else if (Files.isRegularFile(path)) {
                scripts.add(new ScriptFeed.Script(file, Files.newInputStream(path)));
            } else if (!Files.exists(path) && NOT_A_PATH.matcher(file).matches()) {
                byte[] open = ("/open " + file + "\n").getBytes(StandardCharsets.UTF_8);
                scripts.add(new ScriptFeed.Script(file, new ByteArrayInputStream(open)));
            } else {
                err.println("File '" + file + "' for 'voxworks-shell' is not found.");
                return 1;
            }
        }

        // The banner is for people: at the prompt it is shown; a script's output is the script's own.
        PrintStream banner = scripts.isEmpty() ? System.out : arguments.quiet() ? null : err;
        Helpers.startInBackground(env, System.out, banner);
        Docs.addSources(sources);

        List<String> toolArgs = new ArrayList<>(List.of("--execution", "voxworks", "--class-path",
                arguments.classPath().map(cp -> cp + File.pathSeparator).orElse("") + System.getProperty("java.class.path")));
        if (!arguments.ownStartup()) {
            toolArgs.addAll(List.of("--startup", "DEFAULT", "--startup", startup.toString()));
        }
        toolArgs.addAll(arguments.options());
        JavaShellToolBuilder tool = JavaShellToolBuilder.builder();
        if (scripts.isEmpty()) {
            return ToolHelp.start(tool, toolArgs.toArray(String[]::new));
        }
        ScriptFeed feed = new ScriptFeed(scripts, startup.getFileName() + " (start-up)", err);
        LauncherExecution.scriptFrames = true;
        LauncherExecutionProvider.onEveryState(feed::watch);
        toolArgs.add("-");
        int status = tool.in(feed, null).err(feed.toolErr(), err).start(toolArgs.toArray(String[]::new));
        feed.finish();
        return feed.status() != 0 ? feed.status() : status;
    }

    /**
     * jshell's arguments, sorted: the load files, the user's {@code --class-path} (joined with the
     * toolkit's: jshell takes one), whether the user chose the start-up, and every other option.
     */
    record Arguments(List<String> options, List<String> loadFiles, Optional<String> classPath, boolean ownStartup) {

        /** Whether jshell's feedback is asked to be quiet: {@code -q}, {@code -s}, {@code --feedback concise|silent}. */
        boolean quiet() {
            for (int i = 0; i < options.size(); i++) {
                String o = options.get(i);
                String feedback = o.startsWith("--feedback=") ? o.substring("--feedback=".length())
                        : o.equals("--feedback") && i + 1 < options.size() ? options.get(i + 1) : null;
                if (o.equals("-q") || o.equals("-s") || "concise".equals(feedback) || "silent".equals(feedback)) {
                    return true;
                }
            }
            return false;
        }

        static Arguments parse(List<String> args) {
            List<String> options = new ArrayList<>();
            List<String> loadFiles = new ArrayList<>();
            String classPath = null;
            boolean ownStartup = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("-") || !arg.startsWith("-")) {
                    loadFiles.add(arg);
                    continue;
                }
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                List<String> option = eq < 0 && OPTIONS_WITH_VALUE.contains(arg) && i + 1 < args.size()
                        ? List.of(arg, args.get(++i)) : List.of(arg);
                ownStartup |= name.equals("--startup") || name.equals("--no-startup") || name.equals("-n");
                if (name.equals("--class-path") && (eq >= 0 || option.size() == 2)) {
                    String value = eq < 0 ? option.get(1) : arg.substring(eq + 1);
                    classPath = classPath == null ? value : classPath + File.pathSeparator + value;
                } else {
                    options.addAll(option);
                }
            }
            return new Arguments(options, loadFiles, Optional.ofNullable(classPath), ownStartup);
        }
    }
}
