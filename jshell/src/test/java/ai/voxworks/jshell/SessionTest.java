package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.client.Call;
import ai.voxworks.client.NotFoundException;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the helpers do, on a session against a real in-process mock (offline, as by default). */
class SessionTest {

    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    private static Session session;

    @BeforeAll
    static void open() {
        session = Session.open(Map.<String, String>of()::get, new PrintStream(OUT, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @BeforeEach
    void offlineAndClear() {
        session.offline();
        OUT.reset();
    }

    private static String output() {
        return OUT.toString(StandardCharsets.UTF_8);
    }

    @Test
    void openingPrintsNothingAndTheBannerSaysWhereTheHelpersGo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Session quiet = Session.open(Map.of("VOXWORKS_API_KEY", "vx_live_abcdefghijklmnop1234")::get,
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
            quiet.banner();
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                Voxworks JShell toolkit, production: https://api.voxworks.ai, key vx_live_…1234
                Type help() for the helpers (or /help voxworks).
                """);
    }

    @Test
    void theBannerGoesWhereTheLauncherSaysAndAQuietScriptHasNone() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Session script = Session.open(Map.<String, String>of()::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                     new PrintStream(err, true, StandardCharsets.UTF_8));
             Session quiet = Session.open(Map.<String, String>of()::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                     null)) {
            script.banner();
            quiet.banner();
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Voxworks JShell toolkit, offline: mock server at ")
                .endsWith("Type help() for the helpers (or /help voxworks).\n").hasLineCount(2);
    }

    @Test
    void callPrintsThePrettyJsonOnceAndReturnsTheTypedCall() throws Exception {
        Call c = session.call("call_nw_1001");

        JsonMapper mapper = JsonMapper.builder().build();
        Path fixture = Path.of(System.getProperty("voxworks.fixtures.dir"), "calls", "call_nw_1001.json");
        assertThat(mapper.readTree(c.json())).isEqualTo(mapper.readTree(Files.readString(fixture)));
        assertThat(c.duration()).isEqualTo(204L);
        assertThat(c.endTime()).hasToString("2026-11-20T14:03:31Z");
        assertThat(output()).startsWith("{\n  \"id\" : \"call_nw_1001\",").contains("\"duration\" : 204")
                .containsOnlyOnce("\"transcript\"")
                .matches("(?s).*}\nrate limit: \\d+ of 60 left in this window \\(resets in \\d+ s\\)\n");
    }

    @Test
    void watchPrintsALinePerChangeUntilTheCallEndsWithADotASecondWhileItWaits() {
        MockServer mock = session.mock();
        session.time(mock.clock(), mock::advance);   // the mock's time: the 34 s of the call take none

        Call done = session.watch("call_nw_1008");

        assertThat(done.status()).isEqualTo("no-answer");
        String time = "\\d\\d:\\d\\d:\\d\\d  ";
        assertThat(output().lines().toList()).satisfiesExactly(
                l -> assertThat(l).isEqualTo("Watching call_nw_1008 until it ends; Ctrl-C stops watching."),
                l -> assertThat(l).matches(time + "scheduled"),
                l -> assertThat(l).matches("\\.+"),
                l -> assertThat(l).matches(time + "in-progress  dialling"),
                l -> assertThat(l).matches("\\.+"),
                l -> assertThat(l).matches(time + "in-progress  ringing"),
                l -> assertThat(l).matches("\\.{20,}"),
                l -> assertThat(l).matches(time + "no-answer"),
                l -> assertThat(l).isEqualTo("call_nw_1008 ended: no-answer (no-answer)"));
    }

    @Test
    void ctrlCStopsWatchingAndTheSessionGoesOn() {
        MockServer mock = session.mock();
        int[] waits = {0};
        session.time(mock.clock(), d -> {
            if (++waits[0] == 3) {
                throw new InterruptedException();   // what JShell's stop does to a waiting snippet
            }
            mock.advance(d);
        });

        Call last = session.watch("call_nw_1007");

        assertThat(last.status()).isEqualTo("scheduled");
        assertThat(output()).endsWith("..\nStopped watching call_nw_1007; last seen scheduled\n");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(session.call("call_nw_1001").status()).isEqualTo("completed");
    }

    @Test
    void anApiErrorIsTheClientsExceptionAndPrintsNothing() {
        assertThatThrownBy(() -> session.call("call_bb_2001"))
                .isInstanceOf(NotFoundException.class).hasMessage("HTTP 404: Call not found");

        assertThat(output()).isEmpty();
    }

    @Test
    void callsListsTheMocksCallsAndMarksThoseTheKeyCanRead() {
        session.calls();

        assertThat(output()).startsWith("Calls on the in-process mock at http://127.0.0.1:")
                .contains("; * = readable with key vx_test_…3a9c (team_northwind):\n")
                .contains("* call_nw_1003     team_northwind   in-progress\n")
                .contains("  call_bb_2002     team_bluebird    failed\n");
        assertThat(output().lines().filter(l -> l.startsWith("* "))).hasSize(8);
        assertThat(output()).contains("* call_nw_1007     team_northwind   scheduled > in-progress > completed  "
                + "(moves: watch(\"call_nw_1007\"))\n");
        assertThat(output().lines().filter(l -> l.startsWith("  call_"))).hasSize(4);
    }

    @Test
    void callsSaysWhichServerWhenTheHelpersUseAnother() throws Exception {
        try (MockServer colleague = MockServer.start(MockServerConfig.builder().port(0).build())) {
            session.production("vx_test_bluebird_5d0c6a", colleague.baseUrl());
            OUT.reset();

            session.calls();

            assertThat(output()).isEqualTo("calls() lists the in-process mock's calls; the helpers use remote: "
                    + colleague.baseUrl() + ", whose calls cannot be listed. offline() switches to the mock.\n");
            assertThatThrownBy(() -> session.find("completed")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("find() searches the in-process mock");
        }
    }

    @Test
    void anotherKeyOnTheMockSeesItsOwnTeamMarked() {
        session.production("vx_test_bluebird_5d0c6a", session.mock().baseUrl());
        OUT.reset();

        session.calls();

        assertThat(output()).contains("(team_bluebird):", "* call_bb_2001", "  call_nw_1001");
        assertThat(session.find("completed")).containsExactly("call_bb_2001", "call_bb_2003");
    }

    @Test
    void findListsTheIdsWithThatStatusTheKeyCanRead() {
        assertThat(session.find("completed")).containsExactly("call_nw_1001", "call_nw_1005", "call_nw_1006");
        assertThat(session.find("failed")).isEmpty();  // call_bb_2002 is bluebird's
    }

    @Test
    void switchingToAnotherServerAndBackWorksWithoutRestarting() {
        session.production("vx_test_bluebird_5d0c6a", session.mock().baseUrl());
        assertThat(session.call("call_bb_2001").teamId()).isEqualTo("team_bluebird");
        session.offline();

        assertThatThrownBy(() -> session.call("call_bb_2001")).isInstanceOf(NotFoundException.class);
        assertThat(output()).contains("Voxworks JShell toolkit, the in-process mock at http://127.0.0.1:",
                "key vx_test_…", "Voxworks JShell toolkit, offline: mock server at");
    }

    @Test
    void helpListsTheHelpersAndSaysHowToGetTheJsonAndTheFields() {
        session.help();

        assertThat(output()).startsWith("Connected to offline: mock server at http://127.0.0.1:")
                .contains("call(id)", "calls()", "find(status)", "offline()", "production(key)", "production(key, url)",
                        "client()", "c.json()", "c.status()", "Tab");
    }
}
