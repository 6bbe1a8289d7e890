package ai.voxworks.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.TestHttp;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as an npm package, the way a frontend project takes it: {@code npm pack}, then
 * {@code npm install} of that tarball in a project of its own, then {@code npx voxworks-mock}, with
 * no java on the PATH. Never published (the package is private). Skipped where npm is missing.
 */
class NpmPackageIT {

    private static final Path HOME = Path.of(System.getProperty("voxworks.dist.tarball")).getParent()
            .resolve("voxworks-mock-" + System.getProperty("voxworks.dist.version"));

    private static final List<String> TOOLS = List.of("bash", "sh", "env", "readlink", "dirname", "sed", "stat", "cat",
            "cut", "head", "find", "mkdir", "mv", "rm", "grep", "tail");

    @TempDir
    Path work;

    @Test
    void npxStartsTheMockInAFrontendProjectWithoutJava() throws Exception {
        assumeTrue(Files.isRegularFile(HOME.resolve("package.json")), "no distribution in " + HOME
                + " (the build skips it off Linux x86-64, on a JDK that cannot link, and with -Dvoxworks.dist.skip)");
        Optional<Path> npm = which("npm");
        assumeTrue(npm.isPresent(), "npm is not installed: the npm package is not tested here");
        Map<String, String> env = pathWithoutJava();

        try (Launch pack = Launch.of(env, "npm", "pack", HOME.toString(), "--pack-destination", work.toString())) {
            assertThat(pack.awaitExit()).as(pack.output()).isZero();
        }
        Path tarball;
        try (Stream<Path> files = Files.list(work)) {
            tarball = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst().orElseThrow();
        }
        Path project = Files.createDirectories(work.resolve("frontend-app"));
        Files.writeString(project.resolve("package.json"), "{\"name\":\"frontend-app\",\"version\":\"1.0.0\",\"private\":true}\n");
        try (Launch install = Launch.in(project, env, "npm", "install", "--no-audit", "--no-fund", tarball.toString())) {
            assertThat(install.awaitExit()).as(install.output()).isZero();
        }

        // Class-data sharing is proven by DistributionIT; here the start without it is quicker to test.
        Map<String, String> run = new HashMap<>(env);
        run.put("VOXWORKS_MOCK_CDS", "off");
        try (Launch mock = Launch.in(project, run, "npx", "voxworks-mock", "--port", "0")) {
            HttpResponse<String> call = new TestHttp(mock.awaitUrl()).getCall("call_nw_1001", DemoData.NORTHWIND_KEY);

            assertThat(call.statusCode()).isEqualTo(200);
            assertThat(call.body()).contains("\"id\":\"call_nw_1001\"");
            mock.terminateAll();
        }
    }

    /** Copies of the tools the launcher uses, and node with npm and npx: no java anywhere on it. */
    private Map<String, String> pathWithoutJava() throws Exception {
        Path tools = Files.createDirectories(work.resolve("tools"));
        for (String tool : TOOLS) {
            Files.copy(which(tool).orElseThrow(), tools.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
        }
        for (String tool : List.of("node", "npm", "npx")) {
            Files.createSymbolicLink(tools.resolve(tool), which(tool).orElseThrow().toRealPath());
        }
        assertThat(tools.resolve("java")).doesNotExist();
        Path home = Files.createDirectories(work.resolve("home"));
        return Map.of("PATH", tools.toString(), "HOME", home.toString(), "LANG", "C.UTF-8",
                "npm_config_update_notifier", "false", "npm_config_cache", home.resolve(".npm").toString());
    }

    private static Optional<Path> which(String tool) {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
