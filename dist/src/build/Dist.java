import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the self-contained distribution of the mock server for Linux x86-64:
 *
 * <pre>
 * voxworks-mock-VERSION/
 *   bin/voxworks-mock       the launcher (mock-server/voxworks-mock), on the runtime below
 *   lib/                    voxworks-mock-server.jar and the class list of the build's training run
 *   runtime/                a Java runtime trimmed by jlink to the modules the jar needs
 *   package.json            the same directory as an npm package (npm pack), for npx voxworks-mock
 * </pre>
 *
 * and {@code voxworks-mock-VERSION-linux-x64.tar.gz} beside it. The modules are what jdeps finds in
 * the jar, plus the {@link #PROVIDERS} it loads as services, which no static analysis sees. The
 * runtime keeps its debug attributes and is not compressed by jlink: linking is then three times
 * quicker, classes load without inflating, and the gzipped tarball is smaller than a compressed
 * image's. The launcher makes the class-data archive on the first start in a given place (an
 * archive names the path of its jar), so the build leaves that to it.
 *
 * <p>{@code java Dist.java VERSION MOCK_SERVER_TARGET LAUNCHER OUT_DIR}. Run by Maven in source-file
 * mode: a build tool, in no jar. On another platform, or on a JDK that cannot link (no jmods and no
 * linkable run-time image), it says so in one line and builds nothing.
 */
public final class Dist {

    /**
     * Modules the server loads as service providers, by name, where jdeps cannot see them:
     * jdk.zipfs reads the bundled fixtures out of the jar ({@code FileSystems.newFileSystem}), and
     * jdk.crypto.ec holds the elliptic-curve key exchange and signatures that TLS to production
     * needs ({@code record} over https).
     */
    static final List<String> PROVIDERS = List.of("jdk.zipfs", "jdk.crypto.ec");

    private Dist() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            fail("usage: java Dist.java VERSION MOCK_SERVER_TARGET LAUNCHER OUT_DIR");
        }
        String version = args[0];
        Path server = Path.of(args[1]);
        Path launcher = Path.of(args[2]);
        Path out = Path.of(args[3]);
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            System.out.println("Dist: skipped: the distribution is built on Linux x86-64 only (this is " + os + " " + arch + ")");
            return;
        }
        Path jar = server.resolve("voxworks-mock-server.jar");
        Path classList = server.resolve("voxworks-mock-server.classlist");
        if (!Files.isRegularFile(jar)) {
            fail("no " + jar + ": build mock-server first");
        }
        long started = System.nanoTime();
        String name = "voxworks-mock-" + version;
        Path home = out.resolve(name);
        delete(home);
        Files.createDirectories(home.resolve("lib"));

        TreeSet<String> modules = new TreeSet<>(List.of(run("jdeps", "--multi-release", "17", "--ignore-missing-deps",
                "--print-module-deps", jar.toString()).strip().split(",")));
        modules.addAll(PROVIDERS);
        List<String> link = new ArrayList<>(List.of("--add-modules", String.join(",", modules),
                "--output", home.resolve("runtime").toString(), "--no-header-files", "--no-man-pages"));
        try {
            run("jlink", link.toArray(String[]::new));
        } catch (ToolFailure e) {
            delete(home);
            System.out.println("Dist: skipped: this JDK (" + System.getProperty("java.home") + ", "
                    + Runtime.version() + ") cannot link a runtime: " + e.getMessage().lines().findFirst().orElse(""));
            return;
        }

        Files.copy(jar, home.resolve("lib/voxworks-mock-server.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        if (Files.isRegularFile(classList)) {
            Files.copy(classList, home.resolve("lib/voxworks-mock-server.classlist"));
        }
        Files.createDirectories(home.resolve("bin"));
        Path bin = home.resolve("bin/voxworks-mock");
        Files.copy(launcher, bin);
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("README.txt"), readme(version, modules), StandardCharsets.UTF_8);
        Files.writeString(home.resolve("package.json"), packageJson(version), StandardCharsets.UTF_8);

        Path tarball = out.resolve(name + "-linux-x64.tar.gz");
        Files.deleteIfExists(tarball);
        Process tar = new ProcessBuilder("tar", "--create", "--gzip", "--file", tarball.toString(),
                "--directory", out.toString(), "--owner=0", "--group=0",
                "--exclude=*.jsa", "--exclude=*.jsa.*", "--exclude=*.lock", name).inheritIO().start();
        if (tar.waitFor() != 0) {
            fail("tar failed");
        }
        System.out.printf("Dist: %s (%s, %.1f MB unpacked) and %s (%.1f MB) in %d ms; runtime modules: %s%n",
                home, "Java " + Runtime.version(), size(home) / 1e6, tarball.getFileName(), Files.size(tarball) / 1e6,
                (System.nanoTime() - started) / 1_000_000, String.join(",", modules));
    }

    private static String readme(String version, TreeSet<String> modules) {
        return """
                Voxworks mock server %s, self-contained (Linux x86-64): no Java to install.

                  bin/voxworks-mock            start it (http://127.0.0.1:4010); --help lists the options
                  bin/voxworks-mock --port 0   on a free port; the first line printed names the URL

                The first start in a new place prepares a class-data archive in lib/ (a few seconds,
                once), so that later starts answer sooner. VOXWORKS_MOCK_CDS=off starts without it.

                runtime/ is a Java %s runtime trimmed by jlink to: %s.
                """.formatted(version, Runtime.version().feature(), String.join(", ", modules));
    }

    /**
     * The same directory as an npm package, for frontend projects: {@code npm install
     * PATH/TO/voxworks-mock-VERSION.tgz} (made by {@code npm pack} of this directory), then
     * {@code npx voxworks-mock}. Private, so {@code npm publish} refuses it; npm installs it only on
     * Linux x86-64, the runtime's platform.
     */
    private static String packageJson(String version) {
        return """
                {
                  "name": "voxworks-mock",
                  "version": "%s",
                  "description": "Voxworks API mock server with its own Java runtime: npx voxworks-mock (no Java to install)",
                  "private": true,
                  "license": "UNLICENSED",
                  "os": ["linux"],
                  "cpu": ["x64"],
                  "bin": { "voxworks-mock": "bin/voxworks-mock" },
                  "files": ["bin/", "lib/voxworks-mock-server.jar", "lib/voxworks-mock-server.classlist", "runtime/", "README.txt"]
                }
                """.formatted(version);
    }

    /** Runs a JDK tool in this JVM and returns what it printed. */
    private static String run(String tool, String... args) throws ToolFailure {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new ToolFailure("this JDK has no " + tool));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = provider.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        if (status != 0) {
            throw new ToolFailure(tool + " failed (" + status + "): " + err.toString(StandardCharsets.UTF_8)
                    + out.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final class ToolFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ToolFailure(String message) {
            super(message);
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                f.toFile().setWritable(true);
                Files.delete(f);
            }
        }
    }

    private static void fail(String message) {
        System.err.println("Dist: " + message);
        System.exit(1);
    }
}
