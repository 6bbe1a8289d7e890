package ai.voxworks.mock.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.voxworks.mock.FixtureProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RedactionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ObjectNode call(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://rec.example/a.mp3?X-Amz-Signature=abc&X-Amz-Expires=60|https://rec.example/a.mp3",
        "https://rec.example/a.mp3#t=10|https://rec.example/a.mp3",
        "HTTP://user:pass@rec.example:8443/a%20b.mp3?sig=1|HTTP://rec.example:8443/a%20b.mp3",
        "https://rec.example?sv=2024&sig=x|https://rec.example",
        "https://rec.example/a.mp3|https://rec.example/a.mp3",
        "see https://rec.example/a.mp3?sig=1|see https://rec.example/a.mp3",
        "Log in at https://user:pass@portal.example.com/p?token=SECRET123 to see it.|Log in at https://portal.example.com/p to see it.",
        "(https://a.example/x?t=1), then https://b.example/y#k=2.|(https://a.example/x), then https://b.example/y.",
        "Links: https://a.example/wiki/X_(y)?t=1; https://b.example|Links: https://a.example/wiki/X_(y); https://b.example",
        "no url: user:pass@host?token=1|no url: user:pass@host?token=1",
        "ftp://rec.example/a.mp3?x=1|ftp://rec.example/a.mp3?x=1",
        "a?b=c|a?b=c",
    })
    void aUrlLosesItsQueryFragmentAndUserInfo(String value, String expected) {
        assertThat(Redaction.withoutCredentials(value)).isEqualTo(expected);
    }

    @Test
    void whereTheSchemaRefusesEveryPlaceholderOfTheTypeANullableFieldGetsNull() {
        // A stand-in schema: /at takes a date-time or null; "[redacted]" and the fixed time are both refused here.
        Redaction redaction = new Redaction(List.of("/at"), true);

        Redaction.Result result = redaction.apply(call("{\"id\":\"c\",\"at\":\"2026-11-20T14:00:00Z\"}"), c -> {
            List<FixtureProblem> problems = new ArrayList<>();
            JsonNode at = c.get("at");
            if (!at.isNull()) {
                problems.add(new FixtureProblem("response", "/at", "only null, in this test"));
            }
            return problems;
        });

        assertThat(result.problems()).isEmpty();
        assertThat(result.call().get("at").isNull()).isTrue();
        assertThat(result.redacted()).containsExactly("/at");
    }

    @Test
    void whereNoPlaceholderSatisfiesTheSchemaTheCallIsNotSaved() {
        Redaction redaction = new Redaction(List.of("/code"), true);

        Redaction.Result result = redaction.apply(call("{\"id\":\"c\",\"code\":\"ABC-123\"}"),
                c -> List.of(new FixtureProblem("response", "/code", "must match ^[A-Z]{3}-\\d{3}$")));

        assertThat(result.call()).isNull();
        assertThat(result.problems()).extracting(FixtureProblem::reason).containsExactly("must match ^[A-Z]{3}-\\d{3}$");
    }

    @Test
    void theCallsIdAndTeamAreNeverTouched() {
        Redaction.Result result = new Redaction(List.of(), true).apply(
                call("{\"id\":\"https://x.example/?a=1\",\"team_id\":\"https://t.example/?b=2\",\"u\":\"https://u.example/?c=3\"}"),
                c -> List.of());

        assertThat(result.call().get("id").asString()).isEqualTo("https://x.example/?a=1");
        assertThat(result.call().get("team_id").asString()).isEqualTo("https://t.example/?b=2");
        assertThat(result.call().get("u").asString()).isEqualTo("https://u.example/");
        assertThat(result.urlsStripped()).isOne();
    }

    @Test
    void pointersAreChecked() {
        assertThat(Redaction.checkPointer(" /structured_data/a~1b ")).isEqualTo("/structured_data/a~1b");
        assertThatThrownBy(() -> Redaction.checkPointer("/")).hasMessageContaining("not a JSON pointer to a field");
        assertThatThrownBy(() -> Redaction.checkPointer("/a~2")).hasMessageContaining("'~' is written ~0");
        assertThatThrownBy(() -> Redaction.checkPointer("/team_id")).hasMessageContaining("cannot be redacted");
    }
}
