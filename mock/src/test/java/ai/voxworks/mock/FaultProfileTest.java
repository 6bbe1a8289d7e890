package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.mock.testing.RawHttp;
import ai.voxworks.mock.testing.TestHttp;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --faults 5%:reset,2%:500 --seed 42}: what it accepts, and the same faults for the same seed. */
class FaultProfileTest {

    private static final String PROFILE = "20%:reset,10%:500,10%:malformed,5%:truncate";

    @Test
    void readsSharesAndFaultsAndWritesThemBackTheSameWay() {
        FaultProfile profile = FaultProfile.parse(" 5%:reset, 2.5%:500,0.0001%:drip ");

        assertThat(profile.entries()).containsExactly(
                new FaultProfile.Entry(new BigDecimal("5"), Fault.RESET),
                new FaultProfile.Entry(new BigDecimal("2.5"), Fault.status(500)),
                new FaultProfile.Entry(new BigDecimal("0.0001"), Fault.DRIP));
        assertThat(profile).hasToString("5%:reset,2.5%:500,0.0001%:drip");
        assertThat(profile.seed()).isZero();
        assertThat(FaultProfile.parse("off")).isEqualTo(FaultProfile.OFF).hasToString("off");
        assertThat(FaultProfile.parse("100%:reset").faultFor(7)).contains(Fault.RESET);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "5|'5' is not a fault profile; expected PERCENT%:FAULT, comma-separated, such as 5%:reset,2%:500, or 'off'",
        "5%:explode|'5%:explode' is not a fault profile; 'explode' is not a fault; use reset, truncate, drip, malformed, 401, 404, 429 or 500",
        "5%:200|'5%:200' is not a fault profile; '200' is not a fault",
        "0%:reset|'0%:reset' is not a fault profile; a fault's share must be more than 0% and at most 100%",
        "101%:reset|a fault's share must be more than 0% and at most 100%",
        "0.00001%:reset|is not a fault profile; expected PERCENT%:FAULT",
        "60%:reset,50%:500|'60%:reset,50%:500' is not a fault profile; the faults' shares add up to 110%, more than 100%",
        "5%:reset,2%:reset|the fault 'reset' is listed twice",
        "5%:reset,|is not a fault profile; expected PERCENT%:FAULT",
        "\"\"|'' is not a fault profile"})
    void aBadProfileIsOneLineThatSaysWhy(String text, String message) {
        assertThatThrownBy(() -> FaultProfile.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theSameSeedFaultsTheSameRequestsAndAnotherSeedOthers() {
        FaultProfile seeded = FaultProfile.parse(PROFILE).withSeed(42);

        List<Optional<Fault>> first = LongStream.range(0, 2000).mapToObj(seeded::faultFor).toList();
        List<Optional<Fault>> again = LongStream.range(0, 2000).mapToObj(FaultProfile.parse(PROFILE).withSeed(42)::faultFor)
                .toList();
        List<Optional<Fault>> other = LongStream.range(0, 2000).mapToObj(seeded.withSeed(43)::faultFor).toList();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        // The shares hold, within a few points over 2,000 requests.
        assertThat(Collections.frequency(first, Optional.of(Fault.RESET))).isBetween(340, 460);
        assertThat(Collections.frequency(first, Optional.of(Fault.status(500)))).isBetween(150, 250);
        assertThat(Collections.frequency(first, Optional.<Fault>empty())).isBetween(1000, 1200);
    }

    /** The faults a server gave its first {@code n} requests, sent one after another, oldest first. */
    private static List<String> faultsOfRequests(MockServer server, int n) {
        String request = "GET " + TestHttp.GET_CALL + "call_nw_1001 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + NORTHWIND_KEY + "\r\n\r\n";
        for (int i = 0; i < n; i++) {
            RawHttp.receive(server.port(), request, 5000);
        }
        List<String> faults = new ArrayList<>(server.requests().stream().map(r -> String.valueOf(r.fault())).toList());
        Collections.reverse(faults);
        return faults;
    }

    @Test
    void twoServersWithOneSeedFaultTheSameRequestsAsTheProfileSays() {
        MockServerConfig config = MockServerConfig.builder().port(0).rateLimit(RateLimit.off())
                .faults(FaultProfile.parse(PROFILE).withSeed(42)).build();
        List<String> predicted = LongStream.range(0, 40)
                .mapToObj(n -> config.faults().faultFor(n).map(Fault::name).orElse("null")).toList();

        try (MockServer one = MockServer.start(config); MockServer two = MockServer.start(config)) {
            List<String> first = faultsOfRequests(one, 40);

            assertThat(first).isEqualTo(predicted).contains("reset", "500", "malformed", "null");
            assertThat(faultsOfRequests(two, 40)).isEqualTo(first);
            // A reset numbers the requests from 0 again: the same faults once more.
            one.reset();
            assertThat(faultsOfRequests(one, 40)).isEqualTo(first);
        }
    }

    @Test
    void aStatusFromTheProfileIsTheDocumentedResponseAndIsJournaledAsAFault() {
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0)
                .faults(FaultProfile.parse("100%:429")).build())) {
            TestHttp http = new TestHttp(server.baseUrl());

            var response = http.getCall("call_nw_1001", NORTHWIND_KEY);

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(server.requests().get(0).fault()).isEqualTo("429");
            // A request that asks for a state of its own gets that one.
            assertThat(http.get(TestHttp.GET_CALL + "call_nw_1001", "Authorization", "Bearer " + NORTHWIND_KEY,
                    "Prefer", "code=200").statusCode()).isEqualTo(200);
        }
    }
}
