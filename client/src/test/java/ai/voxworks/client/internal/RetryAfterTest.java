package ai.voxworks.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Retry-After as RFC 9110 writes it: whole seconds or an HTTP-date. */
class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void wholeSecondsAreThatLong() {
        assertThat(RetryAfter.parse("30", clock)).hasValue(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(" 0 ", clock)).hasValue(Duration.ZERO);
    }

    @Test
    void aDateIsTheWaitUntilThenAndADateInThePastIsNoWait() {
        assertThat(RetryAfter.parse("Mon, 07 Dec 2026 12:01:30 GMT", clock)).hasValue(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Mon, 07 Dec 2026 11:00:00 GMT", clock)).hasValue(Duration.ZERO);
    }

    @Test
    void anythingElseIsNoRetryAfter() {
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("", clock)).isEmpty();
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
        assertThat(RetryAfter.parse("1.5", clock)).isEmpty();
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    }
}
