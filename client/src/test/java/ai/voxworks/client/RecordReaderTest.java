package ai.voxworks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** The record is the list of fields: what a record declares is read, the rest goes to extra. */
class RecordReaderTest {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** A Call of another shape: one field it lacks ({@code answerSeconds}), most it has left out. */
    record Slim(String id, Long answerSeconds, OffsetDateTime endTime, Map<String, Object> extra, String json) {
    }

    record Unreadable(String id, Integer count, Map<String, Object> extra, String json) {
    }

    record NoExtra(String id, String json) {
    }

    private static <R extends Record> R read(RecordReader<R> reader, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            parser.nextToken();
            return reader.read(parser, body);
        }
    }

    @Test
    void callsDocumentedFieldsAreExactlyTheSpecsCallProperties() throws Exception {
        // call_nw_1001 sets every property of the spec's Call schema, in the spec's order.
        Path fixture = Path.of(System.getProperty("voxworks.fixtures.dir"), "calls", "call_nw_1001.json");
        List<String> specFields;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), Files.readAllBytes(fixture))) {
            parser.nextToken();
            specFields = new ArrayList<>(((Map<?, ?>) JsonValues.read(parser)).keySet().stream().map(String::valueOf).toList());
        }

        assertThat(Responses.CALL.fieldNames()).containsExactlyElementsOf(specFields);
    }

    @Test
    void aComponentAddedToTheRecordIsReadAndOneLeftOutGoesToExtra() {
        String json = "{\"id\":\"c1\",\"answer_seconds\":12,\"end_time\":\"2026-11-20T14:03:31Z\",\"duration\":7}";

        Slim slim = read(RecordReader.of(Slim.class), json);

        assertThat(RecordReader.of(Slim.class).fieldNames()).containsExactly("id", "answer_seconds", "end_time");
        assertThat(slim.answerSeconds()).isEqualTo(12L);
        assertThat(slim.endTime()).isEqualTo(OffsetDateTime.parse("2026-11-20T14:03:31Z"));
        assertThat(slim.extra()).isEqualTo(Map.of("duration", 7));
        assertThat(slim.json()).isEqualTo(json);
    }

    @Test
    void aComponentOfATypeWithoutAJsonReadingIsRefusedByName() {
        assertThatThrownBy(() -> RecordReader.of(Unreadable.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unreadable.count has type Integer");
        assertThatThrownBy(() -> RecordReader.of(NoExtra.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extra and json");
    }

    @Test
    void camelCaseComponentsAreSnakeCaseFields() {
        assertThat(RecordReader.jsonName("structuredData")).isEqualTo("structured_data");
        assertThat(RecordReader.jsonName("id")).isEqualTo("id");
        assertThat(RecordReader.jsonName("recordingUrl")).isEqualTo("recording_url");
    }

    @Test
    void jsonIsTheExactTextAndNumbersReadAsJacksonReadsThem() {
        String json = "{ \"id\" : \"c1\",\n \"small\": 1, \"big\": 12345678901, \"huge\": 123456789012345678901,"
                + " \"ratio\": 0.5, \"yes\": true, \"none\": null, \"list\": [1, \"a\", null, {}] }";

        Call call = read(Responses.CALL, json);

        assertThat(call.json()).isEqualTo(json);
        assertThat(call.extra().get("small")).isEqualTo(1);
        assertThat(call.extra().get("big")).isEqualTo(12345678901L);
        assertThat(call.extra().get("huge")).isEqualTo(new BigInteger("123456789012345678901"));
        assertThat(call.extra().get("ratio")).isEqualTo(0.5);
        assertThat(call.extra()).containsEntry("yes", true).containsEntry("none", null);
        assertThat(call.extra().get("list")).isEqualTo(Arrays.asList(1, "a", null, Map.of()));
    }

    @Test
    void wrongJsonTypesNameTheFieldAndWhatWasThere() {
        assertThatThrownBy(() -> read(Responses.CALL, "{\"duration\":\"abc\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duration should be an integer, not \"abc\"");
        assertThatThrownBy(() -> read(Responses.CALL, "{\"duration\":1.5}"))
                .hasMessage("duration should be an integer, not 1.5");
        assertThatThrownBy(() -> read(Responses.CALL, "{\"status\":{}}"))
                .hasMessage("status should be a string, not an object");
        assertThatThrownBy(() -> read(Responses.CALL, "{\"structured_data\":[]}"))
                .hasMessage("structured_data should be an object, not an array");
        assertThatThrownBy(() -> read(Responses.CALL, "{\"objectives\":[{\"name\":\"a\"}, 1]}"))
                .hasMessage("objectives should be an array of objects");
    }

    @Test
    void theCallConstructorCopiesSoTheCallerCannotChangeItLater() {
        Map<String, Object> nested = new HashMap<>(Map.of("k", "v"));
        Map<String, Object> data = new LinkedHashMap<>(Map.of("nested", nested));
        List<Map<String, Object>> objectives = new ArrayList<>(List.of(new HashMap<>(Map.of("name", "a"))));

        Call call = new Call(null, null, null, null, null, null, null, null, null, null, null, null, null,
                data, null, null, objectives, null, null);
        nested.put("k", "changed");
        data.put("added", 1);
        objectives.get(0).put("name", "changed");
        objectives.clear();

        assertThat(call.structuredData()).isEqualTo(Map.of("nested", Map.of("k", "v")));
        assertThat(call.objectives()).containsExactly(Map.of("name", "a"));
        assertThat(call.extra()).isEmpty();
    }
}
