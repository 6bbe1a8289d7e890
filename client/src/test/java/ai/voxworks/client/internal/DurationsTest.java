package ai.voxworks.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One grammar for every flag and attribute: a whole number with its unit; a bare number only for 0. */
class DurationsTest {

    @ParameterizedTest
    @CsvSource({"250ms,PT0.25S", "2s,PT2S", "1m,PT1M", "1h,PT1H", "1d,PT24H", "0,PT0S", "0ms,PT0S", " 5 S ,PT5S"})
    void aNumberWithItsUnitIsThatLong(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "250", "60"})
    void aBareNumberIsRefusedNamingBothReadings(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' has no unit; write " + text + "ms or " + text + "s (" + Durations.FORMS + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "1.5s", "-1s", "5 parsecs", "PT5S"})
    void anythingElseIsRefusedNamingTheForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a duration; write " + Durations.FORMS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999999999999d", "99999999999999999999ms"})
    void aNumberOfMoreThanTwelveDigitsIsRefusedNotAnOverflow(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a duration; write " + Durations.FORMS);
        assertThat(Durations.parse("999999999999d")).isEqualTo(Duration.ofDays(999_999_999_999L));
    }

    @ParameterizedTest
    @CsvSource({"PT0.25S,250ms", "PT2S,2s", "PT1M,60s", "PT2H,2h", "PT48H,2d", "PT0S,0ms", "PT1.5S,1500ms"})
    void formatWritesWhatParseReads(Duration d, String text) {
        assertThat(Durations.format(d)).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(d);
    }

    @org.junit.jupiter.api.Test
    void aRangeIsCheckedNamingTheSetting() {
        assertThatThrownBy(() -> Durations.parse("3m", "--latency", Duration.ZERO, Duration.ofMinutes(2)))
                .hasMessage("--latency must be from 0ms to 120s, not 180s");
        assertThatThrownBy(() -> Durations.parse("3", "--latency", Duration.ZERO, Duration.ofMinutes(2)))
                .hasMessageStartingWith("--latency: '3' has no unit");
    }

    @org.junit.jupiter.api.Test
    void theLongestDurationParseReadsIsCheckedAndWrittenWithoutOverflow() {
        assertThat(Durations.format(Duration.ofDays(999_999_999_999L))).isEqualTo("999999999999d");
        assertThatThrownBy(() -> Durations.parse("999999999999d", "--latency", Duration.ZERO, Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--latency must be from 0ms to 120s, not 999999999999d");
    }
}
