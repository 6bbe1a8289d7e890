import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's training run for class-data sharing: starts the self-contained jar as a user does,
 * with {@code -XX:DumpLoadedClassList}, serves a few requests of each kind (200, each 401, 404,
 * 429, forced states, HEAD, CORS preflight, the spec, the docs, the admin API with a validated
 * PUT), stops it with SIGTERM, and keeps the list of the classes that run loaded. Then it runs the
 * launcher once ({@code voxworks-mock --version}), which makes the archive from that list for the
 * build's JVM, as it does for any other JVM it meets later.
 *
 * <p>{@code java CdsTraining.java JAVA JAR CLASSLIST LAUNCHER}. Run by Maven in source-file mode,
 * so it is a build tool, never part of a jar. Fails (exit 1, one line) when the server does not
 * answer as it should: the list would then miss the classes a normal start loads. What a developer
 * exported ({@code VOXWORKS_*}) reaches neither process.
 */
public final class CdsTraining {

    private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");
    private static final Pattern TRY = Pattern.compile("Bearer (\\S+)' \\S+/api/v1/get-call/(\\S+)");

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        try {
            train(args);
        } catch (Failure e) {
            System.err.println("CdsTraining: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void train(String[] args) throws Exception {
        if (args.length != 4) {
            fail("usage: java CdsTraining.java JAVA JAR CLASSLIST LAUNCHER");
        }
        Path classList = Path.of(args[2]);
        Path partial = classList.resolveSibling(classList.getFileName() + ".tmp");
        Files.deleteIfExists(partial);
        long started = System.nanoTime();
        // A low limit so that one key reaches its 429; the others answer 200.
        ProcessBuilder start = new ProcessBuilder(args[0], "-XX:DumpLoadedClassList=" + partial, "-jar", args[1],
                "--port", "0", "--rate-limit", "4/1h").redirectErrorStream(true);
        start.environment().keySet().removeIf(name -> name.startsWith("VOXWORKS_"));
        Process server = start.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The server is gone; what it printed is in output.
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String url = null;
            String key = null;
            String callId = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (key == null) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (System.nanoTime() > deadline || (line == null && !server.isAlive())) {
                    fail("the server did not start:\n" + output);
                }
                Matcher m = line == null ? null : URL.matcher(line);
                if (m != null && m.find()) {
                    url = m.group(1);
                }
                Matcher t = line == null ? null : TRY.matcher(line);
                if (t != null && t.find()) {
                    key = t.group(1);
                    callId = t.group(2);
                }
            }
            exercise(url, key, callId);
        } finally {
            server.toHandle().destroy();  // SIGTERM: the shutdown hook stops the server as Ctrl+C does
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                fail("the server did not stop within 60 s:\n" + output);
            }
        }
        if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
            fail("the JVM wrote no class list to " + partial + ":\n" + output);
        }
        Files.move(partial, classList, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("CdsTraining: %d classes listed in %s (%d ms)%n",
                Files.readAllLines(classList).size(), classList, (System.nanoTime() - started) / 1_000_000);
        archive(Path.of(args[0]), args[3]);
    }

    /** The launcher makes the archive for {@code java} when it finds none for it. */
    private static void archive(Path java, String launcher) throws Exception {
        ProcessBuilder run = new ProcessBuilder("bash", launcher, "--version").inheritIO();
        run.environment().keySet().removeIf(name -> name.startsWith("VOXWORKS_"));
        run.environment().put("JAVA_HOME", java.toAbsolutePath().getParent().getParent().toString());
        if (run.start().waitFor() != 0) {
            fail(launcher + " --version failed");
        }
    }

    private static void exercise(String url, String key, String callId) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String call = url + "/api/v1/get-call/" + callId;
        expect(http, get(call).header("Authorization", "Bearer " + key), 200);
        expect(http, get(call), 401);
        expect(http, get(call).header("Authorization", "Basic abc"), 401);
        expect(http, get(call).header("Authorization", "Bearer vx_unknown"), 401);
        expect(http, get(url + "/api/v1/get-call/call_unknown").header("Authorization", "Bearer " + key), 404);
        expect(http, get(call).header("Authorization", "Bearer " + key).header("Prefer", "code=500"), 500);
        expect(http, get(call).header("Authorization", "Bearer " + key).header("Prefer", "delay=5"), 200);
        expect(http, get(call).header("Authorization", "Bearer " + key).method("HEAD", HttpRequest.BodyPublishers.noBody()), 200);
        int status = 200;
        for (int i = 0; i < 10 && status != 429; i++) {
            status = send(http, get(call).header("Authorization", "Bearer " + key));
        }
        if (status != 429) {
            fail("no 429 after 10 more requests with one key");
        }
        expect(http, get(call).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"), 200);
        expect(http, get(url + "/openapi.yaml"), 200);
        expect(http, get(url + "/docs"), 200);
        expect(http, get(url + "/docs/openapi.json"), 200);
        expect(http, get(url + "/__mock/health"), 200);
        expect(http, get(url + "/__mock/calls"), 200);
        expect(http, get(url + "/__mock/requests"), 200);
        String body = "{\"id\":\"call_training\",\"team_id\":\"team_northwind\",\"contact_id\":\"c\",\"script_id\":\"s\","
                + "\"type\":\"outbound\",\"status\":\"queued\"}";
        // Valid or not, a PUT goes through the schema validation the admin API does.
        int put = send(http, get(url + "/__mock/calls/call_training").PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
        if (put != 200 && put != 201 && put != 400 && put != 422) {
            fail("PUT /__mock/calls/call_training answered " + put);
        }
        expect(http, get(url + "/__mock/reset").POST(HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json"), 200);
        expect(http, get(url + "/no/such/route"), 404);
        expect(http, get(url + "/__mock/calls/call_training").DELETE().header("Content-Type", "application/json"), 404);
        expect(http, get(call).DELETE(), 405);
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    private static void expect(HttpClient http, HttpRequest.Builder request, int status) throws Exception {
        HttpRequest built = request.build();
        int actual = http.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (actual != status) {
            fail(built.method() + " " + built.uri() + " answered " + actual + ", expected " + status);
        }
    }

    private static int send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Stops the training with one line; the finally blocks still stop the server. */
    private static void fail(String message) {
        throw new Failure(message);
    }

    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
