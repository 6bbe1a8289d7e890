package ai.voxworks.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.TestHttp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Main main;

    @AfterEach
    void stopServer() {
        if (main != null && main.server() != null) {
            main.server().close();
        }
    }

    private int run(Map<String, String> env, String... args) {
        main = new Main(new PrintWriter(out, true), new PrintWriter(err, true));
        return main.execute(args, env::get);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    /** An out-of-range or malformed value for every flag: flag, value, what the one line must say. */
    static final String[][] BAD_VALUES = {
        {"--port", "abc", "Invalid value for option '--port': 'abc' is not a port"},
        {"--port", "70000", "'70000' is not a port; use 0 to 65535"},
        {"--port", "-1", "'-1' is not a port; use 0 to 65535"},
        {"--host", "999.1.1.1", "'999.1.1.1' is not an IPv4 address; write four numbers from 0 to 255"},
        {"--host", "10.0.0", "'10.0.0' is not an IPv4 address"},
        {"--host", "fe80::zz", "'fe80::zz' is not an IPv6 address"},
        {"--host", "bad_host!", "'bad_host!' is not an address or a host name"},
        {"--fixtures", "/no/such/voxworks-fixtures", "'/no/such/voxworks-fixtures' is no directory (it does not exist)"},
        {"--fixtures", "pom.xml", "'pom.xml' is not a directory; give a directory with teams.json and calls/"},
        {"--rate-limit", "10", "'10' is not a rate limit"},
        {"--rate-limit", "0/1s", "'0/1s' is not a rate limit; a window must allow at least 1 request"},
        {"--rate-limit", "10/forever", "'forever' is not a duration"},
        {"--rate-limit", "60/60", "its window '60' has no unit"},
        {"--rate-limit", "5/1000000d", "a window must be longer than 0 and at most 30d"},
        {"--rate-limit", "1/999999999999d", "a window must be longer than 0 and at most 30d"},
        {"--rate-limit", "99999999999999999999/1s", "the part before '/' must be a whole number of requests"},
        {"--rate-limit", "5000000000/1s", "a window of 1s allows at most 1000000000 requests (one per nanosecond)"},
        {"--rate-limit", "10/1s,20/1s", "two rate-limit windows are named '1s'"},
        {"--rate-limit-scope", "everyone", "'everyone' is not one of key or team"},
        {"--rate-limit-headers", "rfc", "'rfc' is not one of x, ietf or both"},
        {"--rate-limit-store", "memcached://cache:11211", "'memcached://cache:11211' is not a rate-limit store; expected "
            + "local or redis://HOST:PORT[/DB]"},
        {"--rate-limit-store", "redis://127.0.0.1:6379/zero", "the path must be a database number"},
        {"--rate-limit-store", "rediss://cache:6380", "TLS (rediss://) is not supported"},
        {"--rate-limit-store", "redis://:6379", "it needs a host"},
        {"--rate-limit-store", "redis://127.0.0.1:99999", "port 99999 is out of range; a port is 1 to 65535"},
        {"--rate-limit-store", "redis://127.0.0.1:0", "port 0 is out of range; a port is 1 to 65535"},
        {"--latency", "5 parsecs", "'5 parsecs' is not a duration"},
        {"--latency", "3h", "latency must be from 0ms to 120s, not 3h"},
        {"--latency", "999999999999d", "latency must be from 0ms to 120s, not 999999999999d"},
        {"--latency", "250", "'250' has no unit; write 250ms or 250s"},
        {"--faults", "5", "'5' is not a fault profile; expected PERCENT%:FAULT"},
        {"--faults", "5%:explode", "'explode' is not a fault; use reset, truncate, drip, malformed, 401, 404, 429 or 500"},
        {"--faults", "5%:200", "'200' is not a fault"},
        {"--faults", "0%:reset", "a fault's share must be more than 0% and at most 100%"},
        {"--faults", "60%:reset,50%:500", "the faults' shares add up to 110%, more than 100%"},
        {"--faults", "5%:reset,1%:reset", "the fault 'reset' is listed twice"},
        {"--seed", "forty-two", "'forty-two' is not a seed; use a whole number"},
        {"--seed", "99999999999999999999", "'99999999999999999999' is not a seed"},
        {"--cors-origins", "ftp://files.example", "'ftp://files.example' is not an origin"},
        {"--cors-origins", "http://localhost:5173/app", "is not an origin"},
        {"--cors-origins", "http://localhost:99999", "'http://localhost:99999' is not an origin"},
        {"--allowed-hosts", "http://mock.example", "'http://mock.example' is not a host name"},
        {"--allowed-hosts", "a".repeat(64) + ".example", "is not a host name"},
        {"--allowed-hosts", ".x" + ".abcdefgh".repeat(30), "is not a host name"},
        {"--ready-file", "/no/such/dir/mock.url", "the directory /no/such/dir does not exist"},
        {"--ready-file", "/tmp", "'/tmp' is a directory; name a file in it"},
    };

    static Stream<Arguments> badValues() {
        return Arrays.stream(BAD_VALUES).map(c -> Arguments.of(c[0], c[1], c[2]));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void badFlagValueExits2WithOneLineNamingFlagAndReason(String flag, String value, String reason) {
        int code = run(flag, value);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().satisfies(line -> {
            assertThat(line).startsWith("voxworks-mock-server: ").contains(flag).contains(reason);
            assertThat(line).doesNotContain("Exception");
        });
        assertThat(main.server()).isNull();
    }

    @Test
    void everyFlagIsFedABadValue() {
        assertThat(Arrays.stream(BAD_VALUES).map(c -> c[0]).distinct())
                .containsExactlyInAnyOrderElementsOf(CliSettings.ALL.stream().map(CliSettings.Setting::option).toList());
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void aBadValueFromTheVariableExits2TheSameWayNamingIt(String flag, String value, String reason) {
        String variable = CliSettings.ALL.stream().filter(s -> s.option().equals(flag)).findFirst().orElseThrow().variable();

        assertThat(run(Map.of(variable, value))).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement()
                .satisfies(line -> assertThat(line).contains(flag, reason, "(from " + variable + ")"));
    }

    @Test
    void aBadStoreUrlNeverRepeatsItsPassword() {
        int code = run(Map.of("VOXWORKS_MOCK_RATE_LIMIT_STORE", "redis://ops:hunter2@cache:6379/x"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--rate-limit-store", "'redis://***@cache:6379/x' is not a rate-limit store",
                "(from VOXWORKS_MOCK_RATE_LIMIT_STORE)").doesNotContain("hunter2");
    }

    @Test
    void helpNeverShowsAStorePasswordFromTheEnvironment() {
        assertThat(run(Map.of("VOXWORKS_MOCK_RATE_LIMIT_STORE", "redis://:hunter2@cache:6379"), "--help")).isZero();

        assertThat(out.toString()).contains("--rate-limit-store", "Default local.").doesNotContain("hunter2");
    }

    @Test
    void blankHostExits2WithOneLine() {
        assertThat(run("--host", " ")).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement()
                .satisfies(line -> assertThat(line).isEqualTo("voxworks-mock-server: host must not be blank (see --help)"));
    }

    @Test
    void unknownFlagExits2() {
        assertThat(run("--turbo")).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().satisfies(line -> assertThat(line).contains("--turbo"));
    }

    @Test
    void badEnvironmentValueNamesTheVariable() {
        int code = run(Map.of("VOXWORKS_MOCK_RATE_LIMIT", "fast"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--rate-limit", "'fast' is not a rate limit", "(from VOXWORKS_MOCK_RATE_LIMIT)");
    }

    @Test
    void environmentVariablesConfigureTheServer() {
        int code = run(Map.of("VOXWORKS_MOCK_PORT", "0", "VOXWORKS_MOCK_RATE_LIMIT", "3/1m",
                "VOXWORKS_MOCK_LATENCY", "5ms", "VOXWORKS_MOCK_CORS_ORIGINS", "http://localhost:5173"));

        assertThat(code).isEqualTo(Main.RUNNING);
        MockServerConfig config = main.server().config();
        assertThat(config.rateLimit()).isEqualTo(RateLimit.of(3, Duration.ofMinutes(1)));
        assertThat(config.latency()).isEqualTo(Duration.ofMillis(5));
        assertThat(config.corsOrigins()).containsExactly("http://localhost:5173");
    }

    @Test
    void allowedHostsComeFromTheFlagOrItsVariable() {
        run(Map.of("VOXWORKS_MOCK_ALLOWED_HOSTS", "mock.team.example, .staging.example"), "--port", "0");

        assertThat(main.server().config().allowedHosts()).containsExactly("mock.team.example", ".staging.example");
    }

    @Test
    void rateLimitWindowsScopeAndFieldsComeFromFlagsOrVariables() {
        run(Map.of("VOXWORKS_MOCK_RATE_LIMIT_SCOPE", "team", "VOXWORKS_MOCK_RATE_LIMIT_HEADERS", "both"),
                "--port", "0", "--rate-limit", "10/1s,60/60s,1000/1d");

        MockServerConfig config = main.server().config();
        assertThat(config.rateLimit().windows()).hasSize(3);
        assertThat(config.rateLimitScope()).isEqualTo(RateLimit.Scope.TEAM);
        assertThat(config.rateLimitHeaders()).isEqualTo(RateLimit.HeaderStyle.BOTH);
        assertThat(out.toString()).contains("rate limit   10/1s,60/60s,1000/1d per team");
    }

    @Test
    void flagWinsOverEnvironment() {
        run(Map.of("VOXWORKS_MOCK_RATE_LIMIT", "3/1m"), "--port", "0", "--rate-limit", "off");

        assertThat(main.server().config().rateLimit().enabled()).isFalse();
    }

    @Test
    void helpListsEveryFlagAndItsVariable() {
        assertThat(run("--help")).isZero();

        String help = out.toString().replaceAll("\\s+", " ");
        for (CliSettings.Setting setting : CliSettings.ALL) {
            assertThat(help).contains(setting.option(), "Env " + setting.variable());
        }
        assertThat(help).contains("--allowed-hosts", "Default 4010", "Default 60/60s", "forced states",
                "draft-ietf-httpapi-ratelimit-headers-11", "--rate-limit-scope", "--rate-limit-headers",
                "/__mock/reset", "/docs", "143", "'Prefer: fault=reset'", "5%:reset,2%:500", "Default off", "Default 0");
    }

    @Test
    void startupPrintsUrlFixtureCountsAndDemoKeysThenServes() {
        assertThat(run("--port", "0")).isEqualTo(Main.RUNNING);

        String url = main.server().baseUrl();
        assertThat(out.toString()).contains(
                "listening on " + url,
                "bundled: 12 calls, 2 teams",
                "moving calls call_nw_1007, call_nw_1008: each answers the stage reached since its first request ("
                        + url + "/__mock/calls/call_nw_1007/timeline)",
                "team_northwind", "vx_test_northwind_primary_7f3a9c", "vx_test_northwind_ops_2b8e41",
                "team_bluebird", "vx_test_bluebird_5d0c6a",
                url + "/openapi.yaml", url + "/docs", url + "/__mock");
        assertThat(out.toString()).doesNotContain("watched", "warning").contains("limit store  local (this process counts alone)");
        assertThat(new TestHttp(url).getCall("call_nw_1001", DemoData.NORTHWIND_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void theTryLineUsesTheToolkitsOneDemoIdentityAndAnswers200() throws Exception {
        assertThat(run("--port", "0")).isEqualTo(Main.RUNNING);

        // The demo key: the first key of the first team in teams.json, as JShell and the JUnit handle use.
        String url = main.server().baseUrl();
        String tryLine = out.toString().lines().filter(l -> l.strip().startsWith("try ")).findFirst().orElseThrow();
        assertThat(tryLine).isEqualTo("  try          curl -H 'Authorization: Bearer " + DemoData.NORTHWIND_KEY + "' " + url
                + "/api/v1/get-call/call_nw_1001");
        assertThat(main.server().fixtures().demoKey()).isEqualTo(DemoData.NORTHWIND_KEY);
        assertThat(new TestHttp(url).getCall("call_nw_1001", main.server().fixtures().demoKey()).statusCode()).isEqualTo(200);
    }

    @Test
    void aReadyFileThatCannotBeWrittenStopsTheServerWithOneLineAndNoBanner() {
        // /proc takes no new files: the write fails after the server has started.
        assertThat(run("--port", "0", "--ready-file", "/proc/voxworks-mock.url")).isEqualTo(1);

        assertThat(err.toString().lines()).containsExactly(
                "voxworks-mock-server: cannot write --ready-file /proc/voxworks-mock.url: no such file");
        assertThat(out.toString()).isEmpty();
        assertThat(main.server()).isNull();
    }

    @Test
    void invalidFixturesExit1WithFilePointerAndReason(@TempDir Path dir) throws IOException {
        oneTeamWithCall(dir, "{\"id\":\"c1\",\"team_id\":\"team_a\",\"duration\":\"abc\"}");

        assertThat(run("--port", "0", "--fixtures", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot start", dir.resolve("calls/c1.json").toString(), "/duration", "integer");
        assertThat(main.server()).isNull();
    }

    @Test
    void customFixturesDirectoryIsServed(@TempDir Path dir) throws IOException {
        oneTeamWithCall(dir, "{\"id\":\"c1\",\"team_id\":\"team_a\",\"duration\":null}");

        assertThat(run("--port", "0", "--fixtures", dir.toString())).isEqualTo(Main.RUNNING);
        assertThat(out.toString()).contains(dir + ": 1 calls, 1 teams (watched: edits are served within a second)");
        assertThat(new TestHttp(main.server().baseUrl()).getCall("c1", "vx_test_team_a_123").body()).contains("\"id\":\"c1\"");
    }

    @Test
    void anyHostAllowedIsSaidInOneLineWithWhatItOpensAndWhatNot() {
        assertThat(run("--port", "0", "--allowed-hosts", "*")).isEqualTo(Main.RUNNING);

        assertThat(out.toString().lines().filter(l -> l.contains("--allowed-hosts *"))).singleElement()
                .satisfies(line -> assertThat(line).contains("any Host name is served", "can read the API and the journal",
                        "changes through /__mock still need no Origin, or one naming this machine"));
    }

    @Test
    void onlyALoopbackBindGoesWithoutTheAdminWarning() {
        assertThat(Banner.needsWarning("127.0.0.1")).isFalse();
        assertThat(Banner.needsWarning("localhost")).isFalse();
        assertThat(Banner.needsWarning("::1")).isFalse();
        assertThat(Banner.needsWarning("0.0.0.0")).isTrue();
        assertThat(Banner.needsWarning("192.0.2.7")).isTrue();
    }

    @Test
    void portInUseExits1WithAClearMessage() {
        try (MockServer taken = MockServer.start(MockServerConfig.builder().port(0).build())) {
            assertThat(run("--port", Integer.toString(taken.port()))).isEqualTo(1);
            assertThat(err.toString().lines()).singleElement()
                    .satisfies(line -> assertThat(line).contains("cannot listen on 127.0.0.1:" + taken.port()));
        }
    }

    /** A fixtures folder with team_a (key vx_test_team_a_123) and its one call, c1. */
    private static void oneTeamWithCall(Path dir, String call) throws IOException {
        Files.createDirectories(dir.resolve("calls"));
        Files.writeString(dir.resolve("teams.json"),
                "{\"teams\":[{\"id\":\"team_a\",\"api_keys\":[\"vx_test_team_a_123\"]}]}");
        Files.writeString(dir.resolve("calls/c1.json"), call);
    }
}
