package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void keysAreMaskedByLength() {
        assertThat(Target.mask(null)).isEqualTo("(none)");
        assertThat(Target.mask("")).isEqualTo("(none)");
        assertThat(Target.mask("vx_test_1234")).isEqualTo("…");
        assertThat(Target.mask("vx_test_12345")).isEqualTo("vx_test_…");
        assertThat(Target.mask("vx_test_12345678901")).isEqualTo("vx_test_…");
        assertThat(Target.mask("vx_test_123456789012")).isEqualTo("vx_test_…9012");
        assertThat(Target.mask("vx_test_northwind_primary_7f3a9c")).isEqualTo("vx_test_…3a9c");
    }

    @Test
    void whatASummaryPrintsHasTheKeyMasked() {
        Target target = new Target("https://api.example", "vx_live_secret_key_0123456789", "c1", Optional.empty(), false, false);

        assertThat(target.describe()).isEqualTo("https://api.example, key vx_live_…6789");
        assertThat(target.toString()).doesNotContain("secret");
    }
}
