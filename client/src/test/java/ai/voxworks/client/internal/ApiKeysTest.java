package ai.voxworks.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aKeyIsPrintableAsciiWithoutSpacesAndTheMessageNeverRepeatsIt() {
        assertThat(ApiKeys.check("vx_test_northwind_primary_7f3a9c")).isEqualTo("vx_test_northwind_primary_7f3a9c");
        assertThatThrownBy(() -> ApiKeys.check(" vx_test_secret_123 ")).hasMessage("apiKey must be printable ASCII without spaces");
        assertThatThrownBy(() -> ApiKeys.check("vx_test_sécret")).hasMessageNotContaining("sécret");
        assertThatThrownBy(() -> ApiKeys.check("  ")).hasMessage("apiKey must not be null or blank");
    }

    @Test
    void redactMasksAKeyInAnyLetterCaseWherEverItIs() {
        String key = "vx_live_abcdef0123456789";
        String text = "echoed " + key + ", shouted " + key.toUpperCase() + ", in a URL ?token=" + key;

        assertThat(ApiKeys.redact(text, java.util.List.of(key)))
                .isEqualTo("echoed vx_live_…6789, shouted vx_live_…6789, in a URL ?token=vx_live_…6789");
        assertThat(ApiKeys.containsIgnoreCase(text.toUpperCase(), key)).isTrue();
    }

    @Test
    void veryShortKeysAreNotHuntedInText() {
        assertThat(ApiKeys.redact("a cat and a dog", java.util.List.of("a", "cat"))).isEqualTo("a cat and a dog");
    }
}
