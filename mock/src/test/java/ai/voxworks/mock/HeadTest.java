package ai.voxworks.mock;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.testing.DemoData;
import ai.voxworks.mock.testing.LocalServer;
import ai.voxworks.mock.testing.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HEAD answers exactly what GET would, without the body: same pipeline, same accounting. */
class HeadTest {

    @RegisterExtension
    final LocalServer mock = LocalServer.with(b -> b.rateLimit(RateLimit.of(5, Duration.ofMinutes(1))));

    private RawHttp.Response call(String method, String id, String key) {
        return RawHttp.send(mock.server().port(), method + " /api/v1/get-call/" + id + " HTTP/1.1\r\nHost: localhost\r\n"
                + (key == null ? "" : "Authorization: Bearer " + key + "\r\n") + "Connection: close\r\n\r\n");
    }

    @Test
    void headHasGetsStatusAndHeadersWithoutTheBodyAndTakesAToken() {
        RawHttp.Response get = call("GET", "call_nw_1001", DemoData.NORTHWIND_KEY);
        RawHttp.Response head = call("HEAD", "call_nw_1001", DemoData.NORTHWIND_KEY);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type")).isEqualTo("application/json");
        assertThat(head.header("Content-Length")).isEqualTo(get.header("Content-Length"));
        assertThat(get.header("X-RateLimit-Remaining")).isEqualTo("4");
        assertThat(head.header("X-RateLimit-Remaining")).isEqualTo("3");
        assertThat(mock.server().requests().get(0).method()).isEqualTo("HEAD");
    }

    @Test
    void headGoesThroughAuthAndLookupLikeGet() {
        assertThat(call("HEAD", "anything", null).status()).isEqualTo(401);
        assertThat(call("HEAD", "anything", null).header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(call("HEAD", "call_bb_2001", DemoData.NORTHWIND_KEY).status()).isEqualTo(404);
    }
}
