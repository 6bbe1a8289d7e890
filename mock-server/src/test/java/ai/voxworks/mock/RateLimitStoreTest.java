package ai.voxworks.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code --rate-limit-store}: {@code local} or {@code redis://HOST:PORT[/DB]}, written back without credentials. */
class RateLimitStoreTest {

    @Test
    void localIsTheDefaultAndSharesNothing() {
        assertThat(MockServerConfig.builder().build().rateLimitStore()).isSameAs(RateLimit.Store.LOCAL);
        assertThat(RateLimit.Store.parse(" LOCAL ")).isSameAs(RateLimit.Store.LOCAL);
        assertThat(RateLimit.Store.LOCAL.shared()).isFalse();
        assertThat(RateLimit.Store.LOCAL).hasToString("local");
    }

    @Test
    void redisUrlsReadAsRedisClientsReadThem() {
        RateLimit.Store plain = RateLimit.Store.parse("redis://127.0.0.1:6390");
        RateLimit.Store db = RateLimit.Store.parse("redis://cache.internal:6379/3");
        RateLimit.Store defaultPort = RateLimit.Store.parse("redis://cache.internal");
        RateLimit.Store ipv6 = RateLimit.Store.parse("redis://[::1]:6379/0");

        assertThat(plain.shared()).isTrue();
        assertThat(plain).hasToString("redis://127.0.0.1:6390");
        assertThat(db).hasToString("redis://cache.internal:6379/3");
        assertThat(db.database()).isEqualTo(3);
        assertThat(defaultPort).hasToString("redis://cache.internal:6379");
        assertThat(ipv6).hasToString("redis://[::1]:6379");
        assertThat(RateLimit.Store.parse(plain.toString())).isEqualTo(plain);
    }

    @Test
    void aPasswordIsKeptButNeverWrittenOut() {
        RateLimit.Store alone = RateLimit.Store.parse("redis://:s3cret@127.0.0.1:6379");
        RateLimit.Store withUser = RateLimit.Store.parse("redis://ops:s%40cret@127.0.0.1:6379/1");
        RateLimit.Store bare = RateLimit.Store.parse("redis://s3cret@127.0.0.1:6379");

        assertThat(alone.password()).isEqualTo("s3cret");
        assertThat(alone.username()).isNull();
        assertThat(withUser.username()).isEqualTo("ops");
        assertThat(withUser.password()).isEqualTo("s@cret");
        assertThat(bare.password()).isEqualTo("s3cret");
        assertThat(alone).hasToString("redis://127.0.0.1:6379");
        assertThat(withUser).hasToString("redis://127.0.0.1:6379/1");
        assertThat(MockServerConfig.builder().rateLimitStore(withUser).build().toString()).doesNotContain("cret");
        assertThat(alone).isNotEqualTo(RateLimit.Store.parse("redis://127.0.0.1:6379"));
    }

    @Test
    void badValuesSayWhatWouldDoAndMaskCredentials() {
        assertThatThrownBy(() -> RateLimit.Store.parse("redis"))
                .hasMessage("'redis' is not a rate-limit store; expected local or redis://HOST:PORT[/DB], such as redis://127.0.0.1:6379");
        assertThatThrownBy(() -> RateLimit.Store.parse("redis://h:6379?timeout=1")).hasMessageContaining("options after '?'");
        assertThatThrownBy(() -> RateLimit.Store.parse("redis://:@h:6379")).hasMessageContaining("the password after ':' is empty");
        assertThatThrownBy(() -> RateLimit.Store.parse("redis://u:topsecret@h:6379/a/b"))
                .hasMessageStartingWith("'redis://***@h:6379/a/b' is not a rate-limit store")
                .hasMessageNotContaining("topsecret");
    }
}
