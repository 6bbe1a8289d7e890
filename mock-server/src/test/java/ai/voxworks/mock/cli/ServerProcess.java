package ai.voxworks.mock.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mock server as a separate JVM, the way a user runs it: for exit codes and signals. */
final class ServerProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private ServerProcess(List<String> command) {
        this(command, Map.of());
    }

    private ServerProcess(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process is gone; what it printed is in output.
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code java -cp <this test's class path> ai.voxworks.mock.Main args...}. */
    static ServerProcess fromClassPath(String... args) {
        return fromClassPath(List.of(), args);
    }

    /** {@code java <jvmOptions> -cp <this test's class path> ai.voxworks.mock.Main args...}. */
    static ServerProcess fromClassPath(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ServerProcess(command);
    }

    /** As {@link #fromClassPath(List, String...)}, without the class path's entries that contain {@code left}. */
    static ServerProcess fromClassPathWithout(String left, String... args) {
        String classPath = String.join(java.io.File.pathSeparator, List.of(System.getProperty("java.class.path")
                .split(java.io.File.pathSeparator)).stream().filter(entry -> !entry.contains(left)).toList());
        List<String> command = new ArrayList<>(List.of(java(), "-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        return new ServerProcess(command);
    }

    /** {@code java -jar jar args...}. */
    static ServerProcess fromJar(Path jar, String... args) {
        return fromJar(jar, List.of(), args);
    }

    /** {@code java <jvmOptions> -jar jar args...}. */
    static ServerProcess fromJar(Path jar, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ServerProcess(command);
    }

    /** {@code command...} with {@code env} added to this JVM's environment (the launcher script, say). */
    static ServerProcess of(Map<String, String> env, String... command) {
        return new ServerProcess(List.of(command), env);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits for the startup banner and returns the URL it announces. */
    String awaitUrl() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            } else if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + output);
            }
        }
        throw new AssertionError("no URL announced within 30 s:\n" + output);
    }

    /** Waits for a line that contains {@code fragment}, and returns it. */
    String awaitLine(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(fragment)) {
                return line;
            } else if (line == null && !process.isAlive()) {
                throw new AssertionError("the process exited with " + process.exitValue() + ":\n" + output);
            }
        }
        throw new AssertionError("no line with '" + fragment + "' within 30 s:\n" + output);
    }

    /** Kills it as a power cut or {@code kill -9} would: no shutdown hook, no finally block. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM (on Linux) and waits for the exit status. */
    int terminate() throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of its output pipe,
        // and what the server prints while stopping would be lost.
        process.toHandle().destroy();
        return awaitExit();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not exit within 30 s:\n" + output);
        }
        return process.exitValue();
    }

    /** Everything the process printed, stdout and stderr together; call it once the process has exited. */
    String output() throws InterruptedException {
        // The reader ends at the end of the stream, which the exit closes: then every line is in.
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return output.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
