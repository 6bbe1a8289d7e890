package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.conformance.Target.Setting;
import ai.voxworks.mock.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetTest {

    private static final String KEY = "vx_live_secret_key_0123456789";

    private static Target read(Map<String, String> params, Map<String, String> env) {
        return Target.read(params::get, env::get);
    }

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
    void eachSettingHasItsEnvironmentVariable() {
        assertThat(Setting.CALL_ID.env()).isEqualTo("VOXWORKS_CALL_ID");
        assertThat(Setting.OTHER_API_KEY.env()).isEqualTo("VOXWORKS_OTHER_API_KEY");
        assertThat(Setting.RATE_LIMIT.env()).isEqualTo("VOXWORKS_CONFORMANCE_RATE_LIMIT");
        assertThat(Setting.MAX_WAIT.env()).isEqualTo("VOXWORKS_CONFORMANCE_MAX_WAIT");
    }

    @Test
    void aRemoteTargetFromTheEnvironmentDefaultsToTheContractProfile() {
        Target target = read(Map.of(), Map.of("VOXWORKS_BASE_URL", "https://api.example/", "VOXWORKS_API_KEY", KEY,
                "VOXWORKS_CALL_ID", "c1", "VOXWORKS_CONFORMANCE_MAX_WAIT", "500ms"));

        assertThat(target.baseUrl()).isEqualTo("https://api.example");
        assertThat(target.profile()).isEqualTo(Profile.CONTRACT);
        assertThat(target.rateLimitOptIn()).isFalse();
        assertThat(target.maxWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(target.foreignCallId()).isEmpty();
    }

    @Test
    void aParameterWinsOverItsVariableAndBlankMeansNotGiven() {
        Target target = read(Map.of(Setting.BASE_URL.property, "http://127.0.0.1:1", Setting.API_KEY.property, KEY,
                        Setting.CALL_ID.property, "c1", Setting.FOREIGN_CALL_ID.property, " "),
                Map.of("VOXWORKS_BASE_URL", "https://api.example", "VOXWORKS_FOREIGN_CALL_ID", "f1"));

        assertThat(target.baseUrl()).isEqualTo("http://127.0.0.1:1");
        assertThat(target.foreignCallId()).isEmpty();
    }

    @Test
    void withoutABaseUrlItIsTheEmbeddedMockInTheStrictProfile() {
        Target target = read(Map.of(), Map.of("VOXWORKS_API_KEY", KEY));

        assertThat(target.embedded()).isTrue();
        assertThat(target.apiKey()).isEqualTo("vx_test_northwind_primary_7f3a9c").isEqualTo(Fixtures.bundled().demoKey());
        assertThat(target.callId()).isEqualTo("call_nw_1001");
        assertThat(target.foreignCallId()).hasValue("call_bb_2001");
        assertThat(target.otherApiKey()).hasValue("vx_test_bluebird_5d0c6a");
        assertThat(target.profile()).isEqualTo(Profile.STRICT);
        assertThat(target.rateLimitOptIn()).isTrue();
    }

    @Test
    void badSettingsAreRefusedWithTheFlagAndVariableNamed() {
        Map<String, String> remote = Map.of("VOXWORKS_BASE_URL", "https://api.example", "VOXWORKS_API_KEY", KEY);

        assertThatThrownBy(() -> read(Map.of(), remote)).hasMessageContaining("--call-id (VOXWORKS_CALL_ID)");
        assertThatThrownBy(() -> read(Map.of(Setting.BASE_URL.property, "https://api.example", Setting.CALL_ID.property, "c"),
                Map.of())).hasMessageContaining("set VOXWORKS_API_KEY (or give --api-key-file FILE, voxworks.apiKeyFile under Maven)");
        assertThatThrownBy(() -> read(Map.of(Setting.CALL_ID.property, "c1"), Map.of()))
                .hasMessageContaining("--call-id (VOXWORKS_CALL_ID) is set but --base-url (VOXWORKS_BASE_URL) is not");
        assertThatThrownBy(() -> read(Map.of(Setting.BASE_URL.property, "api.example"), Map.of()))
                .hasMessageContaining("'api.example' is not an http or https URL");
        assertThatThrownBy(() -> read(Map.of(Setting.PROFILE.property, "lenient"), Map.of()))
                .hasMessageContaining("--profile (VOXWORKS_CONFORMANCE_PROFILE): 'lenient' is neither contract nor strict");
        assertThatThrownBy(() -> read(Map.of(Setting.MAX_WAIT.property, "soon"), Map.of()))
                .hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void aKeyFileWinsOverTheKeysVariableSoThatTheMavenRouteKeepsKeysOffCommandLines(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("key"), KEY + "\n");
        Path other = Files.writeString(dir.resolve("other"), "vx_live_other_team_key_4321\n");

        Target target = read(Map.of(Setting.BASE_URL.property, "https://api.example", Setting.CALL_ID.property, "c1",
                Setting.API_KEY_FILE.property, file.toString(), Setting.FOREIGN_CALL_ID.property, "f1"),
                Map.of("VOXWORKS_API_KEY", "vx_live_from_the_variable_0000", "VOXWORKS_OTHER_API_KEY_FILE", other.toString()));

        assertThat(target.apiKey()).isEqualTo(KEY);
        assertThat(target.otherApiKey()).contains("vx_live_other_team_key_4321");
        assertThat(Setting.API_KEY_FILE.env()).isEqualTo("VOXWORKS_API_KEY_FILE");
    }

    @Test
    void whatOutputPrintsHasTheKeysMasked() {
        Target target = read(Map.of(), Map.of("VOXWORKS_BASE_URL", "https://api.example", "VOXWORKS_API_KEY", KEY,
                "VOXWORKS_CALL_ID", "c1", "VOXWORKS_FOREIGN_CALL_ID", "f1", "VOXWORKS_OTHER_API_KEY", "vx_live_other_team_key_4321"));

        assertThat(target.summary().values()).noneMatch(v -> v.contains("secret") || v.contains("other_team"))
                .anyMatch(v -> v.contains("vx_live_…6789"));
        assertThat(target.toString()).doesNotContain("secret");
        assertThat(target.redact("Invalid API key " + KEY + " or vx_live_other_team_key_4321"))
                .isEqualTo("Invalid API key vx_live_…6789 or vx_live_…4321");
    }

    @Test
    void anExportedBaseUrlThatMavenDoesNotReadIsNamedInTheReportNotUsed() {
        Target embedded = read(Map.of(), Map.of());
        String before = System.getProperty(TargetExtension.EXPORTED_BASE_URL);
        try {
            System.setProperty(TargetExtension.EXPORTED_BASE_URL, "https://staging.example");
            assertThat(embedded.embedded()).isTrue();
            assertThat(TargetExtension.ignoredBaseUrl(embedded)).hasValue("https://staging.example");

            System.setProperty(TargetExtension.EXPORTED_BASE_URL, "${env.VOXWORKS_BASE_URL}");  // not exported
            assertThat(TargetExtension.ignoredBaseUrl(embedded)).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(TargetExtension.EXPORTED_BASE_URL);
            } else {
                System.setProperty(TargetExtension.EXPORTED_BASE_URL, before);
            }
        }
    }
}
