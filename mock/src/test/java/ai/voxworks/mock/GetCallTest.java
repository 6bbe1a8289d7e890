package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.BLUEBIRD_KEY;
import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static ai.voxworks.mock.testing.DemoData.NORTHWIND_SECOND_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.LocalServer;
import ai.voxworks.mock.testing.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GetCallTest {

    @RegisterExtension
    static final LocalServer mock = LocalServer.with(b -> b.rateLimit(RateLimit.off()));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode fixture(String id) throws IOException {
        Path dir = DemoData.fixturesDir();
        return JSON.readTree(Files.readString(dir.resolve("calls").resolve(id + ".json")));
    }

    /**
     * The call as its first request gets it: the fixture as written; for a call that moves, the
     * fields above its timeline with those of its first stage over them.
     */
    static JsonNode firstAnswer(String id) throws IOException {
        JsonNode fixture = fixture(id);
        if (!fixture.has("timeline")) {
            return fixture;
        }
        tools.jackson.databind.node.ObjectNode call = (tools.jackson.databind.node.ObjectNode) fixture.deepCopy();
        JsonNode first = call.remove("timeline").get(0);
        first.propertyNames().forEach(name -> call.set(name, first.get(name)));
        call.remove("at");
        return call;
    }

    /** Every call file in the repository's fixtures, by id. */
    static Stream<String> everyFixtureCall() throws IOException {
        try (Stream<Path> files = Files.list(DemoData.fixturesDir().resolve("calls"))) {
            List<String> ids = files.map(f -> f.getFileName().toString().replace(".json", "")).sorted().toList();
            assertThat(ids).hasSizeGreaterThanOrEqualTo(10);
            return ids.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("everyFixtureCall")
    void everyCallIsServedToItsTeamExactlyAsTheFixture(String id) throws IOException {
        HttpResponse<String> response = mock.http().getCall(id, DemoData.keyFor(id));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("call")).isEqualTo(firstAnswer(id));
    }

    @Test
    void undocumentedFieldsAreKept() throws IOException {
        JsonNode call = JSON.readTree(mock.http().getCall("call_bb_2001", BLUEBIRD_KEY).body()).get("call");

        assertThat(call).isEqualTo(fixture("call_bb_2001"));
        assertThat(call.get("language").asString()).isEqualTo("en-US");
        assertThat(call.get("cost").get("amount").asString()).isEqualTo("0.84");
    }

    @Test
    void nonAsciiTextSurvivesTheRoundTrip() {
        String body = mock.http().getCall("call_nw_1006", NORTHWIND_KEY).body();

        assertThat(body).contains("Muñoz", "Köln", "😊", "谢谢");
    }

    @Test
    void everyKeyOfATeamSeesTheTeamsCalls() {
        assertThat(mock.http().getCall("call_nw_1004", NORTHWIND_SECOND_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        HttpResponse<String> response = mock.http().get(TestHttp.GET_CALL + "call_nw_1001", "Authorization", "bEaReR " + NORTHWIND_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void foreignCallIsIndistinguishableFromUnknown() {
        HttpResponse<String> foreign = mock.http().getCall("call_bb_2001", NORTHWIND_KEY);
        HttpResponse<String> unknown = mock.http().getCall("call_does_not_exist", NORTHWIND_KEY);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(unknown.body()).isEqualTo("{\"success\":false,\"message\":\"Call not found\"}");
        assertThat(foreign.headers().map().keySet()).isEqualTo(unknown.headers().map().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "..%2Fcall_nw_1001", "call%20nw", "%C3%BC-call", "call_nw_1001%3F", "%25"})
    void reservedAndNonAsciiIdsAreOneSegmentAndNotFound(String encodedId) {
        HttpResponse<String> response = mock.http().getCall(encodedId, NORTHWIND_KEY);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"success\":false,\"message\":\"Call not found\"}");
    }

    @Test
    void missingHeaderIs401WithItsOwnMessage() {
        assertUnauthorized(mock.http().get(TestHttp.GET_CALL + "call_nw_1001"), "Missing Authorization header");
    }

    @Test
    void otherSchemeIs401Malformed() {
        assertUnauthorized(mock.http().get(TestHttp.GET_CALL + "call_nw_1001", "Authorization", "Basic " + NORTHWIND_KEY),
                "expected the Bearer scheme");
    }

    @Test
    void emptyBearerTokenIs401Malformed() {
        assertUnauthorized(mock.http().get(TestHttp.GET_CALL + "call_nw_1001", "Authorization", "Bearer "),
                "the Bearer token is empty");
    }

    @Test
    void unknownKeyIs401InvalidApiKey() {
        HttpResponse<String> response = mock.http().getCall("call_nw_1001", "vx_test_not_a_real_key_000");

        assertUnauthorized(response, "Invalid API key");
        assertThat(response.body()).isEqualTo("{\"success\":false,\"message\":\"Invalid API key\"}");
    }

    @Test
    void theThree401KindsHaveDistinctMessages() {
        List<String> bodies = List.of(
                mock.http().get(TestHttp.GET_CALL + "x").body(),
                mock.http().get(TestHttp.GET_CALL + "x", "Authorization", "Token abc").body(),
                mock.http().get(TestHttp.GET_CALL + "x", "Authorization", "Bearer wrong_key_123").body());

        assertThat(bodies).doesNotHaveDuplicates();
    }

    @Test
    void openApiSpecIsServedAsWrittenWithThisServerFirst() throws IOException {
        HttpResponse<String> response = mock.http().get("/openapi.yaml");
        String written = Files.readString(DemoData.fixturesDir().resolve("openapi.yaml"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/yaml"));
        assertThat(response.body()).contains("servers:\n  - url: " + mock.server().baseUrl() + "\n    description: This mock server\n"
                + "  - url: https://api.voxworks.ai\n");
        assertThat(response.body()).doesNotContain("127.0.0.1:4010");
        // Everything else as written.
        assertThat(response.body().replaceAll("(?s)servers:.*?security:", ""))
                .isEqualTo(written.replaceAll("(?s)servers:.*?security:", ""));
    }

    private static void assertUnauthorized(HttpResponse<String> response, String messagePart) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("message").asString()).contains(messagePart);
        assertThat(body.properties()).hasSize(2);
    }
}
