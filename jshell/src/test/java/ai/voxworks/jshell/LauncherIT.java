package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jshell/voxworks-shell end to end: scripts, the prompt, errors, exit statuses, no JVM left behind. */
class LauncherIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void prepareArchive() throws Exception {
        Launch.prepareArchive();
    }

    private Launch.Result script(String source) throws Exception {
        Files.writeString(dir.resolve("check.jsh"), source);
        return Launch.shell("check.jsh").in(dir).run();
    }

    @Test
    void offlineScriptPrintsTheFixtureAndExitsZero() throws Exception {
        Launch.Result run = script("""
                var c = call("call_nw_1005")
                println("end reason: " + c.endReason())
                """);

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("{").contains("\"id\" : \"call_nw_1005\"", "end reason: voicemail");
        // The banner is for people: a script's standard output is the script's own.
        assertThat(run.err()).startsWith("Voxworks JShell toolkit, offline: mock server at http://127.0.0.1:")
                .contains("key vx_test_…");
    }

    @Test
    void aQuietScriptsOutputIsExactlyWhatItPrints() throws Exception {
        Files.writeString(dir.resolve("export.jsh"), """
                println("id,status,duration")
                for (var id : find("completed")) {
                    var c = client.getCall(id);
                    println(c.id() + "," + c.status() + "," + c.duration());
                }
                """);

        Launch.Result run = Launch.shell("-q", "export.jsh").in(dir).run();

        assertThat(run.status()).as(run.toString()).isZero();
        // Every line is the script's: the header, then one line a completed call, and nothing else.
        assertThat(run.out()).startsWith("id,status,duration\ncall_nw_1001,completed,204\n");
        assertThat(run.out().lines()).allMatch(l -> l.matches("id,status,duration|call_nw_\\d+,completed,\\d+"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anExceptionInsideALoopNamesTheLineOfTheStatementThatFailed() throws Exception {
        Launch.Result run = script("""
                println("before")
                for (var id : List.of("call_nw_1001", "call_bb_2001")) {
                    var c = call(id);
                    println(c.status());
                }
                """);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).endsWith("check.jsh:3: exception ai.voxworks.client.NotFoundException: HTTP 404: Call not found\n");
    }

    @Test
    void aRejectedSnippetStopsTheRunNamingItsFileAndFirstLine() throws Exception {
        Launch.Result run = script("""
                println("first")

                int twice(int x) {
                    return "two" * x;
                }
                println("never")
                """);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("first").doesNotContain("never");
        assertThat(run.errAfterBanner()).isEqualTo("check.jsh:3: rejected: int twice(int x) { …: bad operand types for binary "
                + "operator '*' (first type:  java.lang.String; second type: int)\n");
    }

    @Test
    void anEscapingExceptionStopsTheRunWithOneLine() throws Exception {
        Launch.Result run = script("""
                println("before")
                Integer.parseInt("twelve")
                println("after")
                """);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("before").doesNotContain("after");
        assertThat(run.errAfterBanner()).isEqualTo("check.jsh:2: exception java.lang.NumberFormatException: For input string: \"twelve\"\n");
    }

    @Test
    void aFailingCallStopsTheScriptAtThatLineWithOneLine() throws Exception {
        Launch.Result run = script("""
                var c = call("call_bb_2001")
                println(c.status())
                """);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errAfterBanner()).isEqualTo("check.jsh:1: exception ai.voxworks.client.NotFoundException: HTTP 404: Call not found\n");
        assertThat(run.out()).doesNotContain("NullPointerException");
    }

    @Test
    void aFailedCommandIsShownAsJshellShowsItAndTheSnippetsDecide() throws Exception {
        Files.writeString(dir.resolve("lib.jsh"), "int fromLib() {\n    return \"not an int\";\n}\n");
        Launch.Result run = script("""
                /open no-such-file.jsh
                println("goes on")
                /open lib.jsh
                println("never")
                """);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("goes on").doesNotContain("never");
        assertThat(run.errAfterBanner()).isEqualTo("File 'no-such-file.jsh' for '/open' is not found.\n"
                + "check.jsh:3: /open lib.jsh: rejected: int fromLib() { …: incompatible types: "
                + "java.lang.String cannot be converted to int\n");
    }

    @Test
    void warningsAreShownAndTheRunGoesOn() throws Exception {
        Launch.Result run = script("""
                List raw = new ArrayList(); raw.add(1)
                println("still here: " + raw)
                """);

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("still here: [1]");
        assertThat(run.errAfterBanner()).startsWith("Warning:\nunchecked call to add(E) as a member of the raw type java.util.List\n");
    }

    @Test
    void theScriptEndsTheRunWhereJshellWouldShowItsPrompt() throws Exception {
        Launch.Result run = script("println(\"done\")\n");

        assertThat(run.status()).isZero();
        assertThat(run.out()).endsWith("done\n").doesNotContain("jshell>");
    }

    @Test
    void classesOnTheUsersClassPathRunInSnippets() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/demo"));
        Files.writeString(sources.resolve("Greeter.java"), "package demo; public class Greeter { public String hi() { return \"hi\"; } }");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.resolve("classes").toString(),
                sources.resolve("Greeter.java").toString())).isZero();
        Files.writeString(dir.resolve("check.jsh"), "println(new demo.Greeter().hi() + \" \" + call(\"call_nw_1001\").id())\n");

        Launch.Result run = Launch.shell("--class-path", "classes", "check.jsh").in(dir).run();

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("hi call_nw_1001");
    }

    @Test
    void withAnApiKeyItTalksToTheBaseUrlFromTheEnvironment() throws Exception {
        try (MockServer colleague = MockServer.start(MockServerConfig.builder().port(0).build())) {
            Files.writeString(dir.resolve("check.jsh"), "println(\"team: \" + call(\"call_bb_2003\").teamId())\n");
            Launch.Result run = Launch.shell("check.jsh").in(dir)
                    .env("VOXWORKS_API_KEY", "vx_test_bluebird_5d0c6a").env("VOXWORKS_BASE_URL", colleague.baseUrl()).run();

            assertThat(run.status()).as(run.toString()).isZero();
            assertThat(run.out()).contains("team: team_bluebird").doesNotContain("vx_test_bluebird_5d0c6a");
            assertThat(run.err()).contains("remote: " + colleague.baseUrl(), "key vx_test_…")
                    .doesNotContain("vx_test_bluebird_5d0c6a").doesNotContain("offline");
        }
    }

    @Test
    void aFailureAtStartUpStopsTheScriptAndLeavesNoJvm() throws Exception {
        Files.writeString(dir.resolve("check.jsh"), "println(\"never\")\n");
        Launch launch = Launch.shell("check.jsh").in(dir).env("VOXWORKS_API_KEY", "vx_live_k").env("VOXWORKS_BASE_URL", "not a url");

        Launch.Result run = launch.run();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("voxworks.jsh (start-up): exception java.lang.IllegalArgumentException: "
                + "baseUrl 'not a url' is not an http or https URL\n");
        assertThat(launch.leftRunning()).isEmpty();
    }

    @Test
    void aMissingFileExitsOneAndLeavesNoJvm() throws Exception {
        Launch launch = Launch.shell("nope.jsh").in(dir);

        Launch.Result run = launch.run();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("File 'nope.jsh' for 'voxworks-shell' is not found.\n");
        assertThat(launch.leftRunning()).isEmpty();
    }

    @Test
    void sigtermToTheLauncherLeavesNoJvmAndFreesTheMocksPort() throws Exception {
        Launch launch = Launch.shell().in(dir);
        Path out = dir.resolve("out.txt");
        Process process = launch.start(out, dir.resolve("err.txt"));  // stdin stays open: the prompt waits
        int port = awaitMockPort(out);
        assertThat(launch.leftRunning()).isNotEmpty();

        process.destroy();  // SIGTERM

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(143);
        assertThat(launch.leftRunning()).isEmpty();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    private static int awaitMockPort(Path out) {
        Pattern banner = Pattern.compile("mock server at http://127\\.0\\.0\\.1:(\\d+)");
        Matcher m = await("the banner naming the mock's port").atMost(Duration.ofSeconds(60))
                .until(() -> banner.matcher(Files.exists(out) ? Files.readString(out) : ""), Matcher::find);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void atThePromptACallShowsOnceAndItsEchoAndErrorsAreOneLine() throws Exception {
        Launch launch = Launch.shell().in(dir).stdin("""
                call("call_nw_1001")
                call("call_bb_2001")
                var c = call("call_nw_1004")
                /vars
                """);

        Launch.Result run = launch.run();  // end of input ends it

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out().split("\"transcript\"", -1)).hasSize(3);  // call_nw_1001 and call_nw_1004, once each
        assertThat(run.out()).contains(
                "$1 ==> Call[id=call_nw_1001, status=completed, duration=204, …]\n",
                "|  Exception ai.voxworks.client.NotFoundException: HTTP 404: Call not found\n\njshell> ",
                "c ==> Call[id=call_nw_1004, status=no-answer, duration=0, …]\n",
                "|    Call c = Call[id=call_nw_1004, status=no-answer, duration=0, …]\n");
        assertThat(launch.leftRunning()).isEmpty();
    }

    @Test
    void clientIsAVariableTabCompletesAndHelpListsTheHelpers() throws Exception {
        Launch launch = Launch.shell().in(dir).stdin("""
                client.getCall("call_nw_1001").status()
                /help
                /help voxworks
                """);

        Launch.Result run = launch.run();

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("$1 ==> \"completed\"", "|  voxworks\n|  \tthe Voxworks helpers: call(id)",
                "|    call(id)              print a call as pretty JSON", "|    client                the same as a variable");

        // What Tab offers after "client." comes from SourceCodeAnalysis, in the launcher's JVM.
        Launch.Result completion = script("""
                var js = jdk.jshell.JShell.builder().executionEngine("local").build()
                js.addToClasspath(System.getProperty("java.class.path"))
                js.eval("ai.voxworks.jshell.ShellClient client = ai.voxworks.jshell.ShellClient.current();")
                for (var s : js.sourceCodeAnalysis().completionSuggestions("client.", 7, new int[1])) println(s.continuation())
                """);
        assertThat(completion.out().lines()).contains("getCall(", "getCallResponse(", "getCallAsync(", "baseUrl()");
    }

    @Test
    void tabShowsTheJavadocOfTheHelpersAndTheClient() throws Exception {
        // What Tab shows comes from SourceCodeAnalysis.documentation, in the launcher's JVM.
        Launch.Result run = script("""
                var js = jdk.jshell.JShell.builder().executionEngine("local").build()
                js.addToClasspath(System.getProperty("java.class.path"))
                js.eval("import static ai.voxworks.jshell.Helpers.*;")
                for (var code : List.of("call(", "client().getCall(")) {
                    for (var doc : js.sourceCodeAnalysis().documentation(code, code.length(), true)) {
                        println(doc.signature() + " :: " + doc.javadoc().strip().lines().findFirst().orElse(""));
                    }
                }
                """);

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains(
                "ai.voxworks.client.Call ai.voxworks.jshell.Helpers.call(String id) :: Prints the call as pretty JSON, "
                        + "with the rate-limit status of the response, and returns it",
                "ai.voxworks.client.Call ai.voxworks.client.VoxworksClient.getCall(String callId) :: The call with this id");
    }

    @Test
    void aFailedBuildShowsMavensErrors() throws Exception {
        Path bin = fakeMaven("""
                echo "[INFO] Building Voxworks client 0.1.0-SNAPSHOT [1/3]"
                echo "[ERROR] /src/Broken.java:[3,1] class, interface, enum, or record expected"
                exit 1
                """);

        Launch.Result run = Launch.shell().in(dir).env("VOXWORKS_SHELL_BUILD", "1")
                .env("PATH", bin + ":" + System.getenv("PATH")).run();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("voxworks-shell: building the toolkit with Maven", "voxworks-shell: the build failed after",
                "[ERROR] /src/Broken.java:[3,1] class, interface, enum, or record expected", "build.log");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void sigtermDuringTheBuildStopsMavenToo() throws Exception {
        Path bin = fakeMaven("exec sleep 120\n");
        Launch launch = Launch.shell().in(dir).env("VOXWORKS_SHELL_BUILD", "1").env("PATH", bin + ":" + System.getenv("PATH"));
        Path err = dir.resolve("err.txt");
        Process process = launch.start(dir.resolve("out.txt"), err);
        List<ProcessHandle> maven = await("the build started").atMost(Duration.ofSeconds(30)).until(() -> process.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("sleep 120")).toList(), found -> !found.isEmpty());

        process.destroy();  // SIGTERM

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(143);
        for (ProcessHandle p : maven) {
            assertThat(p.onExit()).succeedsWithin(Duration.ofSeconds(10));
        }
    }

    /** A directory with an {@code mvn} that runs {@code script}, to put first on the PATH. */
    private Path fakeMaven(String script) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
