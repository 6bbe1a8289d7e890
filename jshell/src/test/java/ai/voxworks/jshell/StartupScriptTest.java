package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** voxworks.jsh evaluated through the jdk.jshell API, with this module's class path, offline. */
class StartupScriptTest {

    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    private static ScriptRunner runner;

    @BeforeAll
    static void loadStartup() {
        runner = new ScriptRunner(new PrintStream(OUT, true, StandardCharsets.UTF_8), System.err);
        assertThat(runner.evalResource("defaults.jsh").failure()).isNull();
        assertThat(runner.evalFile(Path.of("voxworks.jsh")).failure()).isNull();
    }

    @AfterAll
    static void close() {
        runner.close();
    }

    @BeforeEach
    void clearOutput() {
        OUT.reset();
    }

    private static String output() {
        return OUT.toString(StandardCharsets.UTF_8);
    }

    private static ScriptRunner.Outcome eval(String source) {
        return runner.eval(source, "test.jsh");
    }

    @Test
    void callReturnsTheFixtureAsATypedCallAndPrintsIt() {
        String fixture = Path.of(System.getProperty("voxworks.fixtures.dir"), "calls", "call_nw_1001.json").toString();

        ScriptRunner.Outcome outcome = eval("""
                var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
                ai.voxworks.client.Call c = call("call_nw_1001");
                if (!mapper.readTree(c.json()).equals(mapper.readTree(Files.readString(Path.of("%s")))))
                    throw new AssertionError("call() differs from the fixture");
                if (c.duration() != 204L || !c.endTime().toString().equals("2026-11-20T14:03:31Z"))
                    throw new AssertionError("typed fields: " + c);
                """.formatted(fixture.replace("\\", "\\\\")));

        assertThat(outcome.failure()).isNull();
        assertThat(output()).contains("\"id\" : \"call_nw_1001\"", "\"duration\" : 204", "rate limit: ");
    }

    @Test
    void unknownIdPrintsThe404LineAndDoesNotThrow() {
        ScriptRunner.Outcome outcome = eval("""
                var missing = call("call_that_does_not_exist");
                if (missing != null) throw new AssertionError("expected null");
                """);

        assertThat(outcome.failure()).isNull();
        assertThat(output()).isEqualTo("error: HTTP 404: Call not found\n");
    }

    @Test
    void callsListsTheOfflineFixtures() {
        assertThat(eval("calls();").failure()).isNull();

        assertThat(output()).contains("call_nw_1003     team_northwind   in-progress", "call_bb_2002     team_bluebird    failed");
    }

    @Test
    void switchingToAnotherServerAndBackWorksWithoutRestarting() {
        ScriptRunner.Outcome outcome = eval("""
                production("vx_test_bluebird_5d0c6a", voxworks.mock().baseUrl());
                if (!call("call_bb_2001").teamId().equals("team_bluebird")) throw new AssertionError();
                offline();
                if (call("call_bb_2001") != null) throw new AssertionError("the demo key sees northwind only");
                """);

        assertThat(outcome.failure()).isNull();
        assertThat(output()).contains("remote: http://127.0.0.1:", "key vx_test_…", "offline: mock server at");
    }

    @Test
    void helpListsTheHelpers() {
        assertThat(eval("help();").failure()).isNull();

        assertThat(output()).contains("call(id)", "calls()", "offline()", "production(key)", "production(key, url)");
    }
}
