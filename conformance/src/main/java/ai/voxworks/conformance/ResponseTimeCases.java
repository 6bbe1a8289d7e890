package ai.voxworks.conformance;

import ai.voxworks.client.internal.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code --max-response-time}: after every other case, whether each response of the run came
 * within the budget (the start-up probe aside, which warms the HTTP stack up). It sends nothing.
 */
@DisplayName("response time")
@ExtendWith(TargetExtension.class)
@Order(4)
class ResponseTimeCases {

    private final Target target;
    private final Http http;

    ResponseTimeCases(Target target, Http http) {
        this.target = target;
        this.http = http;
    }

    @Test
    @Requests(0)
    @Tag(Profile.STRICT_TAG)
    @DisplayName("strict · every response within --max-response-time")
    void everyResponseWithinTheBudget() {
        Duration budget = target.maxResponseTime().orElseThrow(() -> Assumptions.<RuntimeException>abort(
                "no budget given: " + Target.Setting.MAX_RESPONSE_TIME.named()));
        Http.ResponseTimes times = http.responseTimes();
        Assumptions.assumeTrue(times.observed() > 0, "no response to time: no case got one");
        List<String> slow = new ArrayList<>();
        slow.add(times.overCount() + " of " + times.observed() + " responses took longer"
                + times.slowest().map(e -> "; the slowest " + e.elapsed().toMillis() + " ms (" + e.method() + " " + e.url()
                + ")").orElse(""));

        Expect.that(times.overCount() == 0, "each response comes within the budget the run was given",
                "every response within " + Durations.format(budget), String.join("\n", slow),
                times.over().toArray(Exchange[]::new));
    }
}
