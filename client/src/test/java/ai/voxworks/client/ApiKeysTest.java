package ai.voxworks.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void noKeyIsNamedAsSuch() {
        assertThat(ApiKeys.mask(null)).isEqualTo("(none)");
        assertThat(ApiKeys.mask("")).isEqualTo("(none)");
    }

    @Test
    void shortKeysAreFullyHidden() {
        assertThat(ApiKeys.mask("a")).isEqualTo("…");
        assertThat(ApiKeys.mask("vx_test_1234")).isEqualTo("…");
    }

    @Test
    void mediumKeysShowTheirFirstEightCharacters() {
        assertThat(ApiKeys.mask("vx_test_12345")).isEqualTo("vx_test_…");
        assertThat(ApiKeys.mask("vx_test_12345678901")).isEqualTo("vx_test_…");
    }

    @Test
    void longKeysShowTheirFirstEightAndLastFourCharacters() {
        assertThat(ApiKeys.mask("vx_test_123456789012")).isEqualTo("vx_test_…9012");
        assertThat(ApiKeys.mask("vx_test_northwind_primary_7f3a9c")).isEqualTo("vx_test_…3a9c");
    }
}
