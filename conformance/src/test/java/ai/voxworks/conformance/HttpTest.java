package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.conformance.Target.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the run waits: it says what for, then how long is left every ten seconds, on a clock that moves only when waited on. */
class HttpTest {

    @Test
    void aLongWaitCountsDownEveryTenSeconds() {
        ManualTime time = new ManualTime();
        Target target = Target.read(Map.of(Setting.BASE_URL.property, "http://127.0.0.1:1", Setting.API_KEY.property,
                "vx_test_wait_key_00000001", Setting.CALL_ID.property, "c1")::get, name -> null);
        List<String> lines = new ArrayList<>();
        try (Http http = new Http(target, null, time.asTime())) {
            http.progress(lines::add);

            http.pause(Duration.ofMillis(24_500), "Retry-After 23 s, plus 1 s whole seconds may round away");
        }

        assertThat(lines).containsExactly("waiting 25 s: Retry-After 23 s, plus 1 s whole seconds may round away",
                "… 15 s left", "… 5 s left");
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMillis(4_500));
    }
}
