package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay line a failure prints: a curl command a shell runs as it reads, with no key in it. */
class ExchangeTest {

    private static final String KEY = "vx_live_secret_key_0123456789";

    private static Exchange exchange(String method, String url, String body, Credentials credentials) {
        return Exchange.of(method, url, body, credentials, 200, List.of(Map.entry("Content-Type", "application/json")),
                "{}".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(3), 0, t -> t.replace(KEY, Target.mask(KEY)));
    }

    @Test
    void aGetWithTheKeyReplaysWithTheVariable() {
        Exchange get = exchange("GET", "http://127.0.0.1:4010/api/v1/get-call/a%2Fb", null, Credentials.bearer(KEY, "VOXWORKS_API_KEY"));

        assertThat(get.curl()).isEqualTo("curl -sS -i --path-as-is -g -H \"Authorization: Bearer $VOXWORKS_API_KEY\" "
                + "'http://127.0.0.1:4010/api/v1/get-call/a%2Fb'");
        assertThat(String.join("\n", get.describe())).contains("replay: " + get.curl()).doesNotContain(KEY);
    }

    @Test
    void otherMethodsHeadAndOtherCredentialsReplayAsSent() {
        String url = "http://127.0.0.1:4010/api/v1/get-call/it's";

        assertThat(exchange("POST", url, "{}", Credentials.bearer(KEY, "VOXWORKS_OTHER_API_KEY")).curl())
                .isEqualTo("curl -sS -i --path-as-is -g -X POST -H \"Authorization: Bearer $VOXWORKS_OTHER_API_KEY\" "
                        + "-H 'Content-Type: application/json' --data-raw '{}' 'http://127.0.0.1:4010/api/v1/get-call/it'\\''s'");
        assertThat(exchange("HEAD", url, null, Credentials.NONE).curl()).startsWith("curl -sS -I --path-as-is -g 'http");
        assertThat(exchange("GET", url, null, Credentials.scheme("Basic", KEY, "VOXWORKS_API_KEY")).curl())
                .contains("-H \"Authorization: Basic $VOXWORKS_API_KEY\"");
        assertThat(exchange("GET", url, null, Credentials.literal("Bearer", "")).curl()).contains("-H 'Authorization: Bearer '");
        assertThat(exchange("GET", url, null, Credentials.literal("Bearer", "vx_conformance_not_a_key_0000")).curl())
                .contains("-H 'Authorization: Bearer vx_conformance_not_a_key_0000'");
    }
}
