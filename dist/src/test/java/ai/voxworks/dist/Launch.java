package ai.voxworks.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A command run as a user runs it, with exactly the environment given; its output and exit status. */
final class Launch implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private Launch(Process process) {
        this.process = process;
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

    static Launch of(Map<String, String> env, String... command) {
        return in(null, env, command);
    }

    /** {@link #of} in the working directory {@code dir}. */
    static Launch in(java.nio.file.Path dir, Map<String, String> env, String... command) {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            return new Launch(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the startup banner and returns the URL it announces. */
    String awaitUrl() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            } else if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + ":\n" + output);
            }
        }
        throw new AssertionError("no URL announced within 60 s:\n" + output);
    }

    /** SIGTERM, then the exit status. */
    int terminate() throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit();
    }

    /** SIGTERM to every process it started (npx's children, say), then to it; its exit status. */
    int terminateAll() throws InterruptedException {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        return terminate();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 60 s:\n" + output);
        }
        return process.exitValue();
    }

    /** Everything printed, stdout and stderr together; once the process has exited. */
    String output() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return output.toString();
    }

    @Override
    public void close() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
