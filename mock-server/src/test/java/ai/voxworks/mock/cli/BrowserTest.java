package ai.voxworks.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.MockServer;
import ai.voxworks.mock.MockServerConfig;
import ai.voxworks.mock.RateLimit;
import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.TestHttp;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real browser (headless Chromium) uses the mock from a page on another origin, and renders
 * the docs page. Assertions are on the DOM the browser produced. CI installs Chromium
 * ({@code .ci/run}); without it these tests are skipped with that reason.
 */
@ExtendWith(BrowserTest.NeedsChromium.class)
class BrowserTest {

    @TempDir
    Path profile;

    private static final Path CHROMIUM = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
            .map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);

    /**
     * Skips the class, with the reason, where there is no Chromium. Surefire's summary counts
     * skips without their reasons, so the reason also goes where a reader of the build log looks.
     */
    static final class NeedsChromium implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (CHROMIUM != null) {
                return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
            }
            String reason = "no Chromium on this machine (looked for /usr/bin/chromium, chromium-browser, "
                    + "google-chrome); .ci/run installs Debian's chromium";
            if (context.getTestMethod().isEmpty()) {
                System.err.println("[SKIPPED] BrowserTest: " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    @Test
    void pageOnAnotherOriginReadsTheCallEveryRateLimitFieldAndThe429() throws Exception {
        MockServerConfig config = MockServerConfig.builder().port(0).rateLimit(RateLimit.of(3, Duration.ofMinutes(2)))
                .rateLimitHeaders(RateLimit.HeaderStyle.BOTH).build();
        try (MockServer mock = MockServer.start(config)) {
            HttpServer app = servePage(mock.baseUrl());
            try {
                String dom = dumpDom("http://127.0.0.1:" + app.getAddress().getPort() + "/");

                assertThat(text(dom, "error")).isEmpty();
                assertThat(text(dom, "call")).isEqualTo("call_nw_1006");
                assertThat(text(dom, "status")).isEqualTo("200 completed");
                assertThat(text(dom, "transcript")).contains("Josefina Muñoz");
                assertThat(text(dom, "remaining")).isEqualTo("2");
                assertThat(Integer.parseInt(text(dom, "reset"))).isBetween(1, 120);
                assertThat(text(dom, "ratelimit")).matches("\"120s\";r=2;t=\\d+");
                assertThat(text(dom, "policy")).isEqualTo("\"120s\";q=3;w=120");
                assertThat(text(dom, "limited")).isEqualTo("429 Rate limit exceeded");
                assertThat(Integer.parseInt(text(dom, "retry-after"))).isBetween(1, 120);
            } finally {
                app.stop(0);
            }
        }
    }

    @Test
    void docsPageRendersTheSpecOfflineWithNoEmptySection() throws Exception {
        try (MockServer mock = MockServer.start(MockServerConfig.builder().port(0).build())) {
            String dom = dumpDom(mock.baseUrl() + "/docs");

            assertThat(dom).contains("Voxworks API", "/api/v1/get-call/{call_id}", "Get call", "The Voxworks mock server");
            assertThat(count(dom, "class=\"opblock-tag-section")).isEqualTo(1);
            assertThat(count(dom, "class=\"opblock opblock-get")).isEqualTo(1);
            assertThat(dom).doesNotContain("No operations defined in spec", "Webhooks", "Contacts");
        }
    }

    @Test
    void journalPageListsTheRequestsNewestFirstWithStatusColours() throws Exception {
        MockServerConfig config = MockServerConfig.builder().port(0).rateLimit(RateLimit.of(2, Duration.ofMinutes(2))).build();
        try (MockServer mock = MockServer.start(config)) {
            TestHttp http = new TestHttp(mock.baseUrl());
            http.getCall("call_nw_1001", DemoData.NORTHWIND_KEY);
            http.getCall("call_bb_2001", DemoData.NORTHWIND_KEY);
            http.getCall("call_nw_1001", DemoData.NORTHWIND_KEY);
            http.get(TestHttp.GET_CALL + "call_nw_1001");
            mock.advance(Duration.ofMinutes(2));
            http.getCall("call_nw_1007", DemoData.NORTHWIND_KEY);
            mock.putCall("{\"id\":\"call_nw_9001\",\"team_id\":\"team_northwind\",\"status\":\"queued\"}");
            mock.removeCall("call_nw_1006");

            String dom = dumpDom(mock.baseUrl() + "/__mock");

            List<String> rows = new ArrayList<>();
            Matcher row = Pattern.compile("<tr class=\"(s\\w+)\">.*?<td class=\"status\">(\\d+)</td>").matcher(dom);
            while (row.find()) {
                rows.add(row.group(1) + " " + row.group(2));
            }
            assertThat(rows).containsExactly("s2xx 200", "s4xx 401", "s429 429", "s4xx 404", "s2xx 200");
            assertThat(dom).contains("<td class=\"status\">200</td><td class=\"stage\">0</td>",
                    "<td class=\"status\">200</td><td class=\"stage\"></td>", "moving calls call_nw_1007, call_nw_1008");
            assertThat(dom).contains("vx_test_…3a9c", "/api/v1/get-call/call_bb_2001", "12 calls, 2 teams",
                            "with 2 runtime changes in force until a reset (put call_nw_9001, deleted call_nw_1006)")
                    .doesNotContain(DemoData.NORTHWIND_KEY);
        }
    }

    private static HttpServer servePage(String mockUrl) throws IOException {
        byte[] page;
        try (InputStream in = BrowserTest.class.getResourceAsStream("/browser/app.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("__MOCK_URL__", mockUrl)
                    .getBytes(StandardCharsets.UTF_8);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return server;
    }

    private String dumpDom(String url) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--user-data-dir=" + profile, "--virtual-time-budget=15000", "--dump-dom", url));
        Process browser = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = browser.getInputStream().readAllBytes();
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private static String text(String dom, String id) {
        String open = "id=\"" + id + "\">";
        int start = dom.indexOf(open);
        assertThat(start).as("element #" + id + " in the DOM").isNotNegative();
        int end = dom.indexOf("</dd>", start);
        return dom.substring(start + open.length(), end).strip();
    }
}
