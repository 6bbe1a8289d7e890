package ai.voxworks.mock;

import static ai.voxworks.mock.testing.DemoData.NORTHWIND_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.TestHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.OuterList;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.StringItem;
import org.junit.jupiter.api.Test;

/** The IETF RateLimit and RateLimit-Policy fields (draft-ietf-httpapi-ratelimit-headers-11), read by a strict Structured Fields parser. */
class IetfRateLimitFieldsTest {

    private static MockServer start(RateLimit.HeaderStyle style, RateLimit.Scope scope) {
        return MockServer.start(MockServerConfig.builder().port(0).rateLimit(RateLimit.parse("burst=3/10s,sustained=60/60s"))
                .rateLimitHeaders(style).rateLimitScope(scope).build());
    }

    @Test
    void policyListsEveryWindowAndRateLimitNamesTheTightest() {
        try (MockServer server = start(RateLimit.HeaderStyle.IETF, RateLimit.Scope.KEY)) {
            HttpResponse<String> response = new TestHttp(server.baseUrl()).getCall("call_nw_1001", NORTHWIND_KEY);

            List<ListElement<?>> policy = list(response, "RateLimit-Policy");
            assertThat(policy).hasSize(2);
            assertThat(name(policy.get(0))).isEqualTo("burst");
            assertThat(param(policy.get(0), "q")).isEqualTo(3L);
            assertThat(param(policy.get(0), "w")).isEqualTo(10L);
            assertThat(name(policy.get(1))).isEqualTo("sustained");
            assertThat(param(policy.get(1), "q")).isEqualTo(60L);
            assertThat(param(policy.get(1), "w")).isEqualTo(60L);
            List<ListElement<?>> limit = list(response, "RateLimit");
            assertThat(limit).hasSize(1);
            assertThat(name(limit.get(0))).isEqualTo("burst");
            assertThat(param(limit.get(0), "r")).isEqualTo(2L);
            assertThat((Long) param(limit.get(0), "t")).isBetween(9L, 10L);
            assertThat(response.headers().firstValue("X-RateLimit-Limit")).isEmpty();
        }
    }

    @Test
    void a429CarriesRetryAfterAgreeingWithTheReset() {
        try (MockServer server = start(RateLimit.HeaderStyle.IETF, RateLimit.Scope.KEY)) {
            TestHttp http = new TestHttp(server.baseUrl());
            HttpResponse<String> response = http.getCall("call_nw_1001", NORTHWIND_KEY);
            while (response.statusCode() != 429) {
                response = http.getCall("call_nw_1001", NORTHWIND_KEY);
            }

            ListElement<?> limit = list(response, "RateLimit").get(0);
            assertThat(param(limit, "r")).isEqualTo(0L);
            assertThat(param(limit, "t")).isEqualTo(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()));
        }
    }

    @Test
    void teamScopeAddsThePartitionKeyOfTheTeam() {
        try (MockServer server = start(RateLimit.HeaderStyle.IETF, RateLimit.Scope.TEAM)) {
            HttpResponse<String> response = new TestHttp(server.baseUrl()).getCall("call_nw_1001", NORTHWIND_KEY);

            for (ListElement<?> element : list(response, "RateLimit-Policy")) {
                assertThat(partitionKey(element)).isEqualTo("team_northwind");
            }
            assertThat(partitionKey(list(response, "RateLimit").get(0))).isEqualTo("team_northwind");
            assertThat(String.join(",", response.headers().allValues("RateLimit-Policy"))).doesNotContain(NORTHWIND_KEY);
        }
    }

    @Test
    void bothStylesSendBoth() {
        try (MockServer server = start(RateLimit.HeaderStyle.BOTH, RateLimit.Scope.KEY)) {
            HttpResponse<String> response = new TestHttp(server.baseUrl()).getCall("call_nw_1001", NORTHWIND_KEY);

            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("2");
            assertThat(param(list(response, "RateLimit").get(0), "r")).isEqualTo(2L);
        }
    }

    @Test
    void aForced429DescribesTheConfiguredPolicy() {
        try (MockServer server = start(RateLimit.HeaderStyle.IETF, RateLimit.Scope.KEY)) {
            HttpResponse<String> forced = new TestHttp(server.baseUrl()).get(TestHttp.GET_CALL + "call_nw_1001", "Prefer", "code=429");

            assertThat(forced.statusCode()).isEqualTo(429);
            assertThat(list(forced, "RateLimit-Policy")).hasSize(2);
            ListElement<?> limit = list(forced, "RateLimit").get(0);
            assertThat(name(limit)).isEqualTo("burst");
            assertThat(param(limit, "r")).isEqualTo(0L);
            assertThat(param(limit, "t")).isEqualTo(10L);
            assertThat(forced.headers().firstValue("Retry-After")).hasValue("10");
        }
    }

    private static List<ListElement<?>> list(HttpResponse<String> response, String field) {
        List<String> values = response.headers().allValues(field);
        assertThat(values).as(field).isNotEmpty();
        // A strict parse: anything that is not a Structured Fields List fails here.
        OuterList parsed = new Parser(values).parseList();
        return parsed.get();
    }

    private static String name(ListElement<?> element) {
        assertThat(element).isInstanceOf(StringItem.class);
        return ((StringItem) element).get();
    }

    private static Object param(ListElement<?> element, String name) {
        Item<?> item = element.getParams().get(name);
        assertThat(item).as("parameter " + name).isNotNull();
        return item.get();
    }

    private static String partitionKey(ListElement<?> element) {
        Item<?> pk = element.getParams().get("pk");
        assertThat(pk).isInstanceOf(ByteSequenceItem.class);
        java.nio.ByteBuffer bytes = ((ByteSequenceItem) pk).get();
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        return new String(array, StandardCharsets.UTF_8);
    }
}
