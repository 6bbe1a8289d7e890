package com.example.callstatus;

import static ai.voxworks.mock.junit5.RequestPattern.getCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.client.TransportException;
import ai.voxworks.client.UnexpectedResponseException;
import ai.voxworks.mock.Fault;
import ai.voxworks.mock.junit5.VoxworksMockExtension;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.junit.jupiter.api.extension.ExtendWith;

/** The application's service, with its client pointed at the Voxworks mock, in a full Spring Boot test. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class CallStatusServiceTest {

    @RegisterExtension
    static VoxworksMockExtension mock = VoxworksMockExtension.builder().rateLimit("2/1m").build();

    @DynamicPropertySource
    static void voxworks(DynamicPropertyRegistry registry) {
        registry.add("voxworks.base-url", mock::baseUrl);
        // A demo key of team_bluebird, which owns the calls call_bb_*.
        registry.add("voxworks.api-key", () -> mock.server().fixtures().teams().stream()
                .filter(team -> team.id().equals("team_bluebird")).findFirst().orElseThrow().apiKeys().get(0));
    }

    @Autowired
    CallStatusService service;

    @Test
    void describesACallOfTheKeysTeamAndNotAnotherTeams() {
        assertThat(service.describe("call_bb_2001")).isEqualTo("call_bb_2001: completed, 393 s");
        assertThat(service.describe("call_nw_1001")).isEqualTo("call_nw_1001: no such call");
        assertThat(mock.requestsForCall("call_nw_1001")).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(404));
    }

    @Test
    void theThirdRequestInAMinuteIsRateLimitedAndLoggedThroughLogback(CapturedOutput output) {
        service.describe("call_bb_2001");
        service.describe("call_bb_2002");

        assertThat(service.describe("call_bb_2003")).startsWith("call_bb_2003: busy, try again in ");
        assertThat(mock.requestsWithStatus(429)).hasSize(1);
        assertThat(output.getOut()).contains("WARN", "CallStatusService", "Voxworks rate limit reached (vx_test_…");
    }

    @Test
    void theNetworksFaultsReachTheServiceAsTheClientsTypedErrors() {
        // On the Jetty this build manages: a reset, a body cut short, a 200 that is not JSON.
        mock.faultNext(Fault.RESET, Fault.TRUNCATE, Fault.MALFORMED);

        assertThatThrownBy(() -> service.describe("call_bb_2001")).isInstanceOf(TransportException.class);
        assertThatThrownBy(() -> service.describe("call_bb_2001")).isInstanceOf(UnexpectedResponseException.class)
                .hasMessageStartingWith("HTTP 200: the body was cut off");
        assertThatThrownBy(() -> service.describe("call_bb_2001")).isInstanceOf(UnexpectedResponseException.class)
                .hasMessageStartingWith("HTTP 200: not JSON");
        mock.verify(1, getCall("call_bb_2001").withFault(Fault.RESET).withStatus(0));
        mock.verify(3, getCall("call_bb_2001"));
    }

    @Test
    void springBootsLogbackIsTheLoggingInUse() {
        assertThat(LoggingSystem.get(getClass().getClassLoader())).isInstanceOf(LogbackLoggingSystem.class);
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(LoggerContext.class);
        assertThat(LoggerFactory.getLogger("ai.voxworks.mock.MockServer")).isInstanceOf(ch.qos.logback.classic.Logger.class);
    }
}
