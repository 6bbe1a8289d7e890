package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.conformance.FakeVoxworks.Fault;
import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command QA runs: the shaded jar as a separate process, against local servers, read as its user reads it. */
class ConformanceJarIT {

    private static final Path JAR = Path.of("target", "voxworks-conformance.jar");
    private static final String NORTHWIND = "vx_test_northwind_primary_7f3a9c";
    private static final String BLUEBIRD = "vx_test_bluebird_5d0c6a";

    /** What a run printed and how it ended. */
    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void built() {
        assertThat(Files.isRegularFile(JAR)).as("built by the package phase: " + JAR.toAbsolutePath()).isTrue();
    }

    /** Runs the jar with only these VOXWORKS_* variables set. */
    static Run jar(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("VOXWORKS_"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile("conformance-out", ".txt");
        Path err = Files.createTempFile("conformance-err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the run ended within 2 minutes").isTrue();
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String reports(Path dir) throws IOException {
        return Files.readString(dir.resolve(ReportFiles.XML)) + Files.readString(dir.resolve(ReportFiles.HTML));
    }

    @Test
    void aMockThatKeepsEveryRulePassesTheStrictProfileWithStatus0(@TempDir Path reportDir) throws Exception {
        MockServerConfig config = MockServerConfig.builder().port(0).rateLimit(RateLimit.of(50, Duration.ofSeconds(5)))
                .rateLimitHeaders(RateLimit.HeaderStyle.BOTH).build();
        try (MockServer mock = MockServer.start(config)) {
            Run run = jar(Map.of("VOXWORKS_API_KEY", NORTHWIND, "VOXWORKS_OTHER_API_KEY", BLUEBIRD),
                    "--base-url", mock.baseUrl(), "--call-id", "call_nw_1001", "--foreign-call-id", "call_bb_2001",
                    "--profile", "strict", "--rate-limit", "--rate-limit-window", "5s", "--seed", "7",
                    "--max-response-time", "5s", "--report", reportDir.toString());

            assertThat(run.exit()).as(run.all()).isZero();
            assertThat(run.out()).contains("Voxworks conformance: " + mock.baseUrl(), "key         vx_test_…3a9c",
                    "profile     strict: ", "fuzzing     20 generated ids (--fuzz), seed 7: --seed 7 sends the same ones again",
                    "requests    about 54, then about as many as the key's quota allows",
                    "PASS          strict · POST, PUT, PATCH and DELETE → 405 with Allow",
                    "PASS          strict · HEAD answers as GET does, without a body",
                    "PASS          strict · generated ids (--fuzz, --seed) → no server error",
                    "PASS          strict · after waiting Retry-After, a request passes",
                    "PASS          strict · RateLimit r falls by one per request to 0 (IETF fields, when sent)",
                    "PASS          strict · every response within --max-response-time",
                    "29 passed, 0 failed, 0 rate limited, 0 skipped (profile strict, ");
            assertThat(run.all() + reports(reportDir)).doesNotContain(NORTHWIND, BLUEBIRD);
            assertThat(Files.readString(reportDir.resolve(ReportFiles.XML)))
                    .contains("tests=\"29\" failures=\"0\" errors=\"0\" skipped=\"0\"");
        }
    }

    @Test
    void aServerThatLeaksAnotherTeamsCallFailsWithTheReasonInFullAndStatus1(@TempDir Path reportDir) throws Exception {
        try (FakeVoxworks fake = new FakeVoxworks(Fault.LEAKS_FOREIGN_CALL)) {
            Run run = jar(Map.of("VOXWORKS_API_KEY", FakeVoxworks.KEY, "VOXWORKS_CONFORMANCE_PROFILE", "strict"),
                    "--base-url", fake.baseUrl(), "--call-id", FakeVoxworks.OWN, "--foreign-call-id", FakeVoxworks.FOREIGN,
                    "--fuzz", "7", "--report", reportDir.toString());

            assertThat(run.exit()).as(run.all()).isEqualTo(1);
            assertThat(run.out()).contains(
                    "FAIL          contract · another team's call → 404 — expected status 404, actual status 200",
                    "SKIP          strict · another team's call gets the same 404 as an unknown id — another team's call was answered 200",
                    "Failed (1), in full:",
                    "check:      a call of another team is not served to this key",
                    "expected:   status 404",
                    "actual:     status 200",
                    "exchange:   GET " + fake.baseUrl() + "/api/v1/get-call/" + FakeVoxworks.FOREIGN,
                    "Authorization: Bearer vx_fake_…e_01",
                    "replay: curl -sS -i --path-as-is -g -H \"Authorization: Bearer $VOXWORKS_API_KEY\" '" + fake.baseUrl()
                            + "/api/v1/get-call/" + FakeVoxworks.FOREIGN + "'",
                    "→ 200 in ",
                    "{\"success\":true,\"call\":{\"id\":\"foreign_call_1\"",
                    "19 passed, 1 failed, 0 rate limited, 9 skipped (profile strict");
            assertThat(run.out()).containsIgnoringCase("Content-Type: application/json")
                    .containsIgnoringCase("X-RateLimit-Remaining: ");
            String reports = reports(reportDir);
            assertThat(reports).contains("failures=\"1\"", "<failure message=\"expected status 404, actual status 200\"",
                    "actual:     status 200", "<h2 id=\"f1\">FAIL: contract · another team&#39;s call → 404</h2>".replace("&#39;", "'"));
            assertThat(run.all() + reports).doesNotContain(FakeVoxworks.KEY);
            String html = Files.readString(reportDir.resolve(ReportFiles.HTML));
            assertThat(html.indexOf(">FAIL</th>")).as("the failure is listed first").isPositive()
                    .isLessThan(html.indexOf(">SKIP</th>")).isLessThan(html.indexOf(">PASS</th>"));

            // The replay line repeats the exchange: the key comes from the variable, the answer is the leak again.
            String replay = run.out().lines().filter(l -> l.contains("replay: curl")).findFirst().orElseThrow()
                    .replaceFirst("^.*replay: ", "");
            ProcessBuilder curl = new ProcessBuilder("bash", "-c", replay);
            curl.environment().put("VOXWORKS_API_KEY", FakeVoxworks.KEY);
            Process process = curl.start();
            String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"id\":\"foreign_call_1\"");
        }
    }

    @Test
    void aServerThatNeverAnswersEndsTheRunWithinTwiceTheTimeoutPlus5sInOneLine() throws Exception {
        try (FakeVoxworks fake = new FakeVoxworks(Fault.NEVER_ANSWERS)) {
            long start = System.nanoTime();
            Run run = jar(Map.of("VOXWORKS_API_KEY", FakeVoxworks.KEY), "--base-url", fake.baseUrl(),
                    "--call-id", FakeVoxworks.OWN, "--profile", "strict", "--rate-limit", "--timeout", "2s");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(run.exit()).as(run.all()).isEqualTo(1);
            assertThat(run.err().lines()).containsExactly("voxworks-conformance: no answer in 2 s (--timeout): GET "
                    + fake.baseUrl() + "/api/v1/get-call/" + FakeVoxworks.OWN);
            assertThat(run.out()).isEmpty();
            assertThat(took).as("2 × --timeout + 5 s, the JVM's start included").isLessThan(Duration.ofSeconds(9));
        }
    }

    @Test
    void aRateLimitedServerIsReportedAsRateLimitedNotAsBroken() throws Exception {
        MockServerConfig config = MockServerConfig.builder().port(0).rateLimit(RateLimit.of(3, Duration.ofSeconds(60))).build();
        try (MockServer mock = MockServer.start(config)) {
            Run run = jar(Map.of("VOXWORKS_API_KEY", NORTHWIND, "VOXWORKS_FOREIGN_CALL_ID", "call_bb_2001"),
                    "--base-url", mock.baseUrl(), "--call-id", "call_nw_1001");

            assertThat(run.exit()).as(run.all()).isEqualTo(1);
            assertThat(run.out()).contains("RATE LIMITED  contract · id \"%\" → 404 — rate limited (Retry-After ",
                    "RATE LIMITED  contract · another team's call → 404 — rate limited (Retry-After ",
                    "Rate limited (6): these cases checked nothing.",
                    "longer than --max-wait 10 s, so it was not waited for",
                    "replay: curl -sS -i --path-as-is -g -H \"Authorization: Bearer $VOXWORKS_API_KEY\"",
                    "0 failed, 6 rate limited")
                    .doesNotContain("FAIL ", "expected status 404", "must not reveal", NORTHWIND);
        }
    }

    @Test
    void withNoOptionsItChecksTheBundledMock() throws Exception {
        Run run = jar(Map.of("VOXWORKS_API_KEY", "vx_live_must_not_be_used_000000"));

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("(the embedded mock with its demo data, started in-process)",
                "28 passed, 0 failed, 0 rate limited, 1 skipped (profile strict");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void badUsageIsOneLineAndStatus2AndHelpIsStatus0() throws Exception {
        Run bad = jar(Map.of(), "--profile", "lenient");
        Run help = jar(Map.of(), "--help");

        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("voxworks-conformance: --profile (VOXWORKS_CONFORMANCE_PROFILE): "
                + "'lenient' is neither contract nor strict (see --help)");
        assertThat(bad.out()).isEmpty();
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: voxworks-conformance", "--rate-limit", "VOXWORKS_API_KEY");
    }
}
