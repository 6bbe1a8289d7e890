package ai.voxworks.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.Fault;
import ai.voxworks.mock.FaultProfile;
import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.RawHttp;
import ai.voxworks.mock.testing.TestHttp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --faults P%:FAULT,... --seed N}: two runs with one seed fault the same requests, as curl sees them. */
class FaultsCommandLineTest {

    private static final String PROFILE = "25%:reset,15%:500,10%:malformed,10%:truncate";

    /** One run of the command line: the first {@code n} requests, each as the client saw it. */
    private static List<String> run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        Main main = new Main(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(main.execute(args, env::get)).isEqualTo(Main.RUNNING);
        try {
            List<String> seen = new ArrayList<>();
            String request = "GET " + TestHttp.GET_CALL + "call_nw_1001 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + DemoData.NORTHWIND_KEY + "\r\n\r\n";
            for (int i = 0; i < 30; i++) {
                seen.add(asSeen(RawHttp.receive(main.server().port(), request, 5000)));
            }
            seen.add(out.toString().lines().filter(l -> l.contains("faults ")).findFirst().orElse("(no faults line)"));
            return seen;
        } finally {
            main.server().close();
        }
    }

    /** What curl would report: reset, or the status and whether the body came whole and as JSON. */
    private static String asSeen(RawHttp.Received received) {
        if (received.end() == RawHttp.End.RESET) {
            return "reset";
        }
        String status = received.text().substring(9, 12);
        String length = received.text().replaceAll("(?s).*Content-Length: (\\d+).*", "$1");
        String body = new String(received.body(), java.nio.charset.StandardCharsets.UTF_8);
        return status + (body.length() < Integer.parseInt(length) ? " cut short" : body.startsWith("{") ? "" : " not JSON");
    }

    @Test
    void twoRunsWithOneSeedFaultTheSameRequestsAndAnotherSeedOthers() {
        List<String> first = run(Map.of(), "--port", "0", "--rate-limit", "off", "--faults", PROFILE, "--seed", "42");
        List<String> second = run(Map.of(), "--port", "0", "--rate-limit", "off", "--faults", PROFILE, "--seed", "42");
        List<String> other = run(Map.of(), "--port", "0", "--rate-limit", "off", "--faults", PROFILE, "--seed", "7");

        assertThat(second).isEqualTo(first);
        assertThat(first).contains("reset", "500", "200 not JSON", "200 cut short", "200")
                .last().isEqualTo("  faults       " + PROFILE + ", seed 42: the same requests get the same faults with this seed");
        assertThat(other).isNotEqualTo(first);
        // What each request saw is what the profile says request n gets.
        FaultProfile profile = FaultProfile.parse(PROFILE).withSeed(42);
        for (int n = 0; n < 30; n++) {
            String expected = profile.faultFor(n).map(f -> f == Fault.RESET ? "reset" : f == Fault.MALFORMED ? "200 not JSON"
                    : f == Fault.TRUNCATE ? "200 cut short" : f.name()).orElse("200");
            assertThat(first.get(n)).as("request %d", n).isEqualTo(expected);
        }
    }

    @Test
    void theVariablesSayTheSameAsTheFlags() {
        List<String> flags = run(Map.of(), "--port", "0", "--rate-limit", "off", "--faults", PROFILE, "--seed", "-5");
        List<String> variables = run(Map.of("VOXWORKS_MOCK_FAULTS", PROFILE, "VOXWORKS_MOCK_SEED", "-5"),
                "--port", "0", "--rate-limit", "off");

        assertThat(variables).isEqualTo(flags);
    }

    @Test
    void withoutFaultsTheBannerSaysNothingOfThem() {
        assertThat(run(Map.of(), "--port", "0")).last().isEqualTo("(no faults line)");
    }
}
