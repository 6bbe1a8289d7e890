package ai.voxworks.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.LocalServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API reference at /docs: served from the jar, nothing from the network, and "Try it out" calls the mock. */
class DocsTest {

    @RegisterExtension
    static final LocalServer mock = LocalServer.withDefaults();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void docsPageAndItsAssetsAreServedFromTheJar() {
        HttpResponse<String> page = mock.http().get("/docs");
        String bundle = page.body().replaceAll("(?s).*src=\"(/docs/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\".*", "$1");
        String css = page.body().replaceAll("(?s).*href=\"(/docs/swagger-ui/[^\"]+/swagger-ui\\.css)\".*", "$1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui", "/docs/init.js").doesNotContain("https://");
        HttpResponse<String> script = mock.http().get(bundle);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, immutable");
        assertThat(script.body()).contains("SwaggerUIBundle");
        assertThat(mock.http().get(css).headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(mock.http().get("/docs/init.js").body()).contains("/docs/openapi.json");
    }

    @Test
    void docsServeOnlyThePageAssetsOfTheBundledVersion() {
        String bundle = mock.http().get("/docs").body()
                .replaceAll("(?s).*src=\"(/docs/swagger-ui/[^\"]+)/swagger-ui-bundle\\.js\".*", "$1");

        assertThat(mock.http().get(bundle + "/swagger-ui-es-bundle-core.js").statusCode()).isEqualTo(404);
        assertThat(mock.http().get(bundle + "/index.html").statusCode()).isEqualTo(404);
        assertThat(mock.http().get("/docs/swagger-ui/0.0.1/swagger-ui-bundle.js").statusCode()).isEqualTo(404);
        assertThat(mock.http().get("/docs/swagger-ui/../swagger-ui-bundle.js").statusCode()).isEqualTo(404);
        assertThat(mock.http().get("/webjars/swagger-ui/" + bundle.substring(bundle.lastIndexOf('/') + 1)
                + "/swagger-ui-bundle.js").statusCode()).isEqualTo(404);
    }

    @Test
    void docsListThisMockFirstSoTryItOutCallsTheMock() {
        JsonNode spec = JSON.readTree(mock.http().get("/docs/openapi.json").body());

        assertThat(spec.get("servers").get(0).get("url").asString()).isEqualTo("/");
        assertThat(spec.get("servers").get(1).get("url").asString()).isEqualTo("https://api.voxworks.ai");
        assertThat(spec.get("paths").has("/api/v1/get-call/{call_id}")).isTrue();
    }

    @Test
    void docsShowOnlyTheTagsOfOperationsServedHereAndSayWhatThePageIs() {
        JsonNode spec = JSON.readTree(mock.http().get("/docs/openapi.json").body());

        assertThat(spec.get("tags").size()).isEqualTo(1);
        assertThat(spec.get("tags").get(0).get("name").asString()).isEqualTo("Calls");
        assertThat(spec.get("info").get("description").asString()).startsWith("The Voxworks mock server")
                .doesNotContain("webhooks", "contacts");
    }

    @Test
    void theRootSendsBrowsersToTheDocsAndOthersAnIndex() {
        HttpResponse<String> browser = mock.http().get("/", "Accept", "text/html,application/xhtml+xml");
        HttpResponse<String> tool = mock.http().get("/");

        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/docs"));
        assertThat(tool.statusCode()).isEqualTo(200);
        assertThat(tool.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(tool.body()).get("endpoints").propertyNames())
                .contains("GET /api/v1/get-call/{call_id}", "GET /docs", "GET /__mock", "POST /__mock/reset",
                        "GET /__mock/calls/{id}/timeline", "POST /__mock/calls/{id}/timeline", "POST /__mock/advance");
    }

    @Test
    void theJournalPageIsServedAndReadsTheJournalApi() {
        HttpResponse<String> page = mock.http().get("/__mock");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("fetch(\"/__mock/requests\")", "setInterval(refresh").doesNotContain("https://");
    }
}
