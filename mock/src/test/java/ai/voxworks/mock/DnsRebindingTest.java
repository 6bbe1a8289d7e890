package ai.voxworks.mock;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.LocalServer;
import ai.voxworks.mock.testing.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** A page whose name rebinds to 127.0.0.1 reaches the port, but not the data: its Host and Origin give it away. */
class DnsRebindingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    final LocalServer mock = LocalServer.with(b -> b.rateLimit(RateLimit.of(100, Duration.ofMinutes(1))));

    private RawHttp.Response request(String method, String path, String host, String... extraHeaderLines) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        for (String line : extraHeaderLines) {
            request.append(line).append("\r\n");
        }
        return RawHttp.send(mock.server().port(), request.append("Connection: close\r\n\r\n").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /__mock/requests", "GET /__mock/calls", "DELETE /__mock/calls/call_nw_1001",
        "POST /__mock/reset", "GET /api/v1/get-call/call_nw_1001", "GET /docs"})
    void aForeignHostNameIsRefusedWithJson421(String methodAndPath) {
        String[] parts = methodAndPath.split(" ");
        RawHttp.Response response = request(parts[0], parts[1], "evil.example:" + mock.server().port(),
                "Content-Type: application/json", "Authorization: Bearer " + DemoData.NORTHWIND_KEY, "Content-Length: 0");

        assertThat(response.status()).isEqualTo(421);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(JSON.readTree(response.body()).get("message").asString())
                .contains("'evil.example:" + mock.server().port() + "'", "--allowed-hosts evil.example");
        assertThat(mock.server().fixtures().call("call_nw_1001")).isPresent();
        assertThat(mock.server().requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST.", "app.localhost", "127.0.0.1", "[::1]", "10.1.2.3"})
    void namesOfThisMachineAndAddressesAreServed(String name) {
        RawHttp.Response response = request("GET", "/api/v1/get-call/call_nw_1001", name + ":" + mock.server().port(),
                "Authorization: Bearer " + DemoData.NORTHWIND_KEY);

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void allowedHostsAddNamesAndTheirSubdomains() {
        try (MockServer shared = MockServer.start(MockServerConfig.builder().port(0)
                .allowedHosts(java.util.List.of("mock.team.example", ".staging.example")).build())) {
            for (String name : new String[] {"mock.team.example", "a.staging.example", "staging.example"}) {
                assertThat(RawHttp.send(shared.port(), "GET /__mock/health HTTP/1.1\r\nHost: " + name
                        + "\r\nConnection: close\r\n\r\n").status()).as(name).isEqualTo(200);
            }
            assertThat(RawHttp.send(shared.port(), "GET /__mock/health HTTP/1.1\r\nHost: other.team.example\r\n"
                    + "Connection: close\r\n\r\n").status()).isEqualTo(421);
        }
    }

    @Test
    void adminWritesFromAnotherOriginAreRefusedEvenWithAnAllowedHost() {
        String host = "127.0.0.1:" + mock.server().port();

        RawHttp.Response foreign = request("DELETE", "/__mock/calls/call_nw_1001", host,
                "Content-Type: application/json", "Origin: http://evil.example");
        RawHttp.Response opaque = request("POST", "/__mock/reset", host, "Content-Type: application/json", "Origin: null",
                "Content-Length: 0");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Content-Type")).isEqualTo("application/json");
        assertThat(foreign.text()).contains("another origin");
        assertThat(opaque.status()).isEqualTo(403);
        assertThat(mock.server().fixtures().call("call_nw_1001")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET http://evil.example/__mock/requests", "GET http://evil.example:80/docs",
        "POST http://evil.example/__mock/reset", "GET http://EVIL.example./api/v1/get-call/call_nw_1001"})
    void anHttp10RequestWithoutHostIsCheckedByTheAuthorityOfItsTarget(String methodAndTarget) {
        RawHttp.Response response = RawHttp.send(mock.server().port(), methodAndTarget + " HTTP/1.0\r\n"
                + "Content-Type: application/json\r\nAuthorization: Bearer " + DemoData.NORTHWIND_KEY + "\r\n\r\n");

        assertThat(response.status()).isEqualTo(421);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(mock.server().requests()).isEmpty();
    }

    @Test
    void anHttp10RequestNamingThisMachineOrNothingIsServed() {
        for (String target : new String[] {"http://localhost/__mock/health", "http://127.0.0.1:1/__mock/health",
            "/__mock/health"}) {
            assertThat(RawHttp.send(mock.server().port(), "GET " + target + " HTTP/1.0\r\n\r\n").status())
                    .as(target).isEqualTo(200);
        }
    }

    @Test
    void anyHostAllowedStillTakesNoAdminWriteFromAPageOnAForeignName() {
        try (MockServer open = MockServer.start(MockServerConfig.builder().port(0).allowedHosts(java.util.List.of("*")).build())) {
            String evil = "evil.example:" + open.port();
            java.util.function.BiFunction<String, String, RawHttp.Response> write = (methodAndPath, origin) ->
                    RawHttp.send(open.port(), methodAndPath + " HTTP/1.1\r\nHost: " + evil + "\r\nOrigin: " + origin
                            + "\r\nContent-Type: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

            RawHttp.Response delete = write.apply("DELETE /__mock/calls/call_nw_1001", "http://" + evil);
            RawHttp.Response reset = write.apply("POST /__mock/reset", "http://" + evil);
            RawHttp.Response read = RawHttp.send(open.port(), "GET /__mock/calls HTTP/1.1\r\nHost: " + evil
                    + "\r\nConnection: close\r\n\r\n");

            assertThat(delete.status()).isEqualTo(403);
            assertThat(reset.status()).isEqualTo(403);
            assertThat(open.fixtures().call("call_nw_1001")).isPresent();
            assertThat(read.status()).as("'*' lets any name read").isEqualTo(200);
            // The mock's own page, under a name of this machine, still may write.
            String own = "127.0.0.1:" + open.port();
            assertThat(RawHttp.send(open.port(), "DELETE /__mock/calls/call_nw_1001 HTTP/1.1\r\nHost: " + own
                    + "\r\nOrigin: http://" + own + "\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")
                    .status()).isEqualTo(204);
        }
    }

    @Test
    void adminWritesFromTheMockItselfOrWithoutOriginAreTaken() {
        String host = "127.0.0.1:" + mock.server().port();

        RawHttp.Response same = request("DELETE", "/__mock/calls/call_nw_1001", host,
                "Content-Type: application/json", "Origin: http://" + host);
        RawHttp.Response none = request("DELETE", "/__mock/calls/call_nw_1002", host, "Content-Type: application/json");

        assertThat(same.status()).isEqualTo(204);
        assertThat(none.status()).isEqualTo(204);
    }
}
