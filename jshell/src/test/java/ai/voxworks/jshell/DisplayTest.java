package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.client.Call;
import ai.voxworks.client.CallResponse;
import ai.voxworks.client.RateLimitStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisplayTest {

    private static Call call(String status, Long duration, String endReason) {
        return new Call("call_nw_1001", "team_northwind", null, null, "outbound", status, null, null, null, null,
                duration, endReason, "summary", Map.of(), "AI: hello\n".repeat(200), null, List.of(), Map.of(), "{...}");
    }

    @Test
    void aCallIsOneLineShortEnoughForJShellToShowWhole() {
        assertThat(Display.brief(call("completed", 204L, "customer-ended-call")))
                .contains("Call[id=call_nw_1001, status=completed, duration=204, …]");
        assertThat(Display.brief(call("scheduled", null, null))).contains("Call[id=call_nw_1001, status=scheduled, …]");
    }

    @Test
    void aCallResponseShowsItsStatusCallAndRateLimit() {
        CallResponse response = new CallResponse(call("completed", 1L, null), 200,
                Optional.of(new RateLimitStatus(60, 59)), Map.of("X-Long", List.of("x".repeat(500))));

        assertThat(Display.brief(response)).contains(
                "CallResponse[status=200, call=call_nw_1001, rateLimit=59/60, …]");
    }

    @Test
    void aRateLimitWithoutItsLimitShowsWhatRemains() {
        RateLimitStatus ietfOnly = new RateLimitStatus("default", null, 7, java.time.Duration.ofSeconds(42));

        assertThat(Display.brief(new CallResponse(call("completed", 1L, null), 200, Optional.of(ietfOnly), Map.of())))
                .contains("CallResponse[status=200, call=call_nw_1001, rateLimit=7, …]");
        assertThat(Session.describe(ietfOnly)).isEqualTo("rate limit: 7 left in this window (resets in 42 s)");
        assertThat(Session.describe(new RateLimitStatus(60, 59))).isEqualTo("rate limit: 59 of 60 left in this window");
    }

    @Test
    void otherValuesAreLeftToJShell() {
        assertThat(Display.brief("a string")).isEmpty();
        assertThat(Display.brief((Object) null)).isEmpty();
    }

    @Test
    void theToolkitsOwnRefusalsAreOneLineAndBugsKeepTheirStackTrace() {
        IllegalStateException refused = new IllegalStateException("find() searches the in-process mock");
        refused.setStackTrace(new StackTraceElement[] {new StackTraceElement("ai.voxworks.jshell.Session", "find", null, 1)});
        IllegalStateException bug = new IllegalStateException("mine");
        bug.setStackTrace(new StackTraceElement[] {new StackTraceElement("REPL.$JShell$12", "do_it$", null, 1)});

        assertThat(Display.errorLine(refused)).contains("find() searches the in-process mock");
        assertThat(Display.errorLine(bug)).isEmpty();
        assertThat(Display.errorLine(new NullPointerException())).isEmpty();
    }
}
