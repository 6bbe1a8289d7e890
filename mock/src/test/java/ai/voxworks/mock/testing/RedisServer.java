package ai.voxworks.mock.testing;

import ai.voxworks.mock.RateLimitStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} on a free loopback port, in a temporary directory, persisting
 * nothing, for tests. Where it is not installed (Debian: {@code apt-get install redis-server};
 * {@code .ci/run} installs it) the test is skipped with that reason.
 */
public final class RedisServer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private final List<String> extraArgs;
    private final Path dir;
    private Process process;

    private RedisServer(int port, List<String> extraArgs) throws IOException {
        this.port = port;
        this.extraArgs = extraArgs;
        this.dir = Files.createTempDirectory("voxworks-redis");
    }

    /** Starts one (extra arguments such as {@code --requirepass s3cret}), or skips the test where it is not installed. */
    public static RedisServer start(String... extraArgs) {
        if (!Files.isExecutable(BINARY)) {
            String reason = BINARY + " is not installed (apt-get install redis-server; .ci/run installs it)";
            System.err.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        try {
            RedisServer redis = new RedisServer(freePort(), List.of(extraArgs));
            redis.startAgain();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port nothing listens on now (for an unreachable store). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The store URL for the mock, {@code redis://127.0.0.1:PORT}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public RateLimitStore store() {
        return RateLimitStore.parse(url());
    }

    /** Starts it (again, on the same port, empty) and waits until it answers PING. */
    public void startAgain() throws IOException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + ":\n"
                        + Files.readString(dir.resolve("redis.log")));
            }
            try {
                String reply = command("PING");
                if (reply.equals("+PONG") || reply.startsWith("-NOAUTH")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            sleep(20);
        }
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within 10 s");
    }

    /** Stops it as an operator would (SIGTERM) and waits until it has exited. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Freezes it (SIGSTOP): connections stay open and nothing answers, as with a hung server. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a paused server go on (SIGCONT). */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int status = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("kill -" + name + " exited with " + status);
        }
    }

    /**
     * One command over RESP, its first reply line as Redis sends it ({@code +PONG}, {@code :3},
     * {@code *2}); for {@code KEYS}, the keys one per line after the count.
     */
    public String command(String... args) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2000);
            StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
            for (String arg : args) {
                request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String first = in.readLine();
            if (first == null || !first.startsWith("*")) {
                return first == null ? "" : first;
            }
            StringBuilder all = new StringBuilder(first);
            int n = Integer.parseInt(first.substring(1));
            for (int i = 0; i < n; i++) {
                in.readLine();  // $length
                all.append('\n').append(in.readLine());
            }
            return all.toString();
        }
    }

    /** The keys matching {@code pattern}. */
    public List<String> keys(String pattern) throws IOException {
        List<String> lines = new ArrayList<>(command("KEYS", pattern).lines().toList());
        lines.remove(0);
        return lines;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory; the system cleans it up eventually.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
