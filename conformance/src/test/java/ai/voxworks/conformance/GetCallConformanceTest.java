package ai.voxworks.conformance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /api/v1/get-call/{call_id}} of any server against {@code fixtures/openapi.yaml}.
 * Every response goes through {@link ContractFilter}; the cases below add what the spec's prose
 * promises. Inputs the target lacks skip a case with the reason, never pass it.
 */
@ExtendWith(TargetExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GetCallConformanceTest {

    static final String PATH = "/api/v1/get-call/";

    private final Target target;
    private final RequestSpecification spec;

    GetCallConformanceTest(Target target, RequestSpecification spec) {
        this.target = target;
        this.spec = spec;
    }

    @BeforeEach
    void announceTarget(TestReporter reporter, TestInfo info) {
        reporter.publishEntry(ConformanceSummary.TARGET_KEY, target.describe());
    }

    private Response get(String id, String authorization) {
        RequestSpecification request = given(spec);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.when().get(PATH + segment(id));
    }

    private Response getWithKey(String id) {
        return get(id, "Bearer " + target.apiKey());
    }

    @Test
    @Order(1)
    void knownCallIs200WithThatCall() {
        Response response = getWithKey(target.callId());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getBoolean("success")).isTrue();
        assertThat(response.jsonPath().getString("call.id")).isEqualTo(target.callId());
    }

    @Test
    @Order(2)
    void missingAuthorizationIs401() {
        assertUnauthorized(get(target.callId(), null));
    }

    @Test
    @Order(3)
    void anotherSchemeIs401() {
        assertUnauthorized(get(target.callId(), "Basic " + target.apiKey()));
    }

    @Test
    @Order(4)
    void emptyBearerTokenIs401() {
        assertUnauthorized(get(target.callId(), "Bearer "));
    }

    @Test
    @Order(5)
    void unknownKeyIs401() {
        assertUnauthorized(get(target.callId(), "Bearer vx_conformance_not_a_key_0000"));
    }

    @Test
    @Order(6)
    void unknownIdIs404() {
        Response response = getWithKey("conformance_no_such_call_7c1d");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.jsonPath().getBoolean("success")).isFalse();
    }

    @Test
    @Order(7)
    void anotherTeamsCallIs404IdenticalToAnUnknownOne() {
        String foreign = target.foreignCallId().orElse(null);
        Assumptions.assumeTrue(foreign != null,
                "no call of another team given (set voxworks.foreignCallId or VOXWORKS_FOREIGN_CALL_ID)");

        Response other = getWithKey(foreign);
        Response unknown = getWithKey("conformance_no_such_call_7c1d");

        assertThat(other.statusCode()).as("another team's call must not be served").isEqualTo(404);
        assertThat(other.asString()).as("the 404 must not reveal that the call exists").isEqualTo(unknown.asString());
    }

    @ParameterizedTest
    @Order(8)
    @ValueSource(strings = {"a/b", "../x", "%", "ü-call", "with space", "x?y#z"})
    void idsWithReservedOrNonAsciiCharactersAreAnswered404(String id) {
        Response response = getWithKey(id);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.jsonPath().getBoolean("success")).isFalse();
    }

    @Test
    @Order(100)
    void pastTheRateLimitIs429WithRetryAfterAndQuotaHeaders() {
        Assumptions.assumeTrue(target.rateLimitOptIn(), "rate limiting is not exercised against a server that is not "
                + "embedded unless asked (set voxworks.conformance.rateLimit=true)");
        Response first = getWithKey(target.callId());
        String limitHeader = first.header("X-RateLimit-Limit");
        assertThat(limitHeader).as("X-RateLimit-Limit on an authenticated response").isNotNull();
        long limit = Long.parseLong(limitHeader);
        Response response = first;
        for (long i = 0; i <= limit + 5 && response.statusCode() != 429; i++) {
            response = getWithKey(target.callId());
        }

        assertThat(response.statusCode()).as("429 after more than X-RateLimit-Limit=" + limit + " requests").isEqualTo(429);
        assertThat(response.header("Retry-After")).matches("\\d+");
        assertThat(Long.parseLong(response.header("Retry-After"))).isGreaterThanOrEqualTo(1);
        assertThat(response.header("X-RateLimit-Limit")).isEqualTo(limitHeader);
        assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("0");
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.jsonPath().getBoolean("success")).isFalse();
        assertThat(response.jsonPath().getString("message")).isNotBlank();
    }

    /** Percent-encodes an id as one path segment (RFC 3986 unreserved characters stay). */
    static String segment(String id) {
        StringBuilder out = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
