package ai.voxworks.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code --rate-limit-store}: {@code local} or {@code redis://HOST:PORT[/DB]}, written back without credentials. */
class RateLimitStoreTest {

    @Test
    void localIsTheDefaultAndSharesNothing() {
        assertThat(MockServerConfig.builder().build().rateLimitStore()).isSameAs(RateLimitStore.LOCAL);
        assertThat(RateLimitStore.parse(" LOCAL ")).isSameAs(RateLimitStore.LOCAL);
        assertThat(RateLimitStore.LOCAL.shared()).isFalse();
        assertThat(RateLimitStore.LOCAL).hasToString("local");
    }

    @Test
    void redisUrlsReadAsRedisClientsReadThem() {
        RateLimitStore plain = RateLimitStore.parse("redis://127.0.0.1:6390");
        RateLimitStore db = RateLimitStore.parse("redis://cache.internal:6379/3");
        RateLimitStore defaultPort = RateLimitStore.parse("redis://cache.internal");
        RateLimitStore ipv6 = RateLimitStore.parse("redis://[::1]:6379/0");

        assertThat(plain.shared()).isTrue();
        assertThat(plain).hasToString("redis://127.0.0.1:6390");
        assertThat(db).hasToString("redis://cache.internal:6379/3");
        assertThat(db.database()).isEqualTo(3);
        assertThat(defaultPort).hasToString("redis://cache.internal:6379");
        assertThat(ipv6).hasToString("redis://[::1]:6379");
        assertThat(RateLimitStore.parse(plain.toString())).isEqualTo(plain);
    }

    @Test
    void aPasswordIsKeptButNeverWrittenOut() {
        RateLimitStore alone = RateLimitStore.parse("redis://:s3cret@127.0.0.1:6379");
        RateLimitStore withUser = RateLimitStore.parse("redis://ops:s%40cret@127.0.0.1:6379/1");
        RateLimitStore bare = RateLimitStore.parse("redis://s3cret@127.0.0.1:6379");

        assertThat(alone.password()).isEqualTo("s3cret");
        assertThat(alone.username()).isNull();
        assertThat(withUser.username()).isEqualTo("ops");
        assertThat(withUser.password()).isEqualTo("s@cret");
        assertThat(bare.password()).isEqualTo("s3cret");
        assertThat(alone).hasToString("redis://127.0.0.1:6379");
        assertThat(withUser).hasToString("redis://127.0.0.1:6379/1");
        assertThat(MockServerConfig.builder().rateLimitStore(withUser).build().toString()).doesNotContain("cret");
        assertThat(alone).isNotEqualTo(RateLimitStore.parse("redis://127.0.0.1:6379"));
    }

    @Test
    void badValuesSayWhatWouldDoAndMaskCredentials() {
        assertThatThrownBy(() -> RateLimitStore.parse("redis"))
                .hasMessage("'redis' is not a rate-limit store; expected local or redis://HOST:PORT[/DB], such as redis://127.0.0.1:6379");
        assertThatThrownBy(() -> RateLimitStore.parse("redis://h:6379?timeout=1")).hasMessageContaining("options after '?'");
        assertThatThrownBy(() -> RateLimitStore.parse("redis://:@h:6379")).hasMessageContaining("the password after ':' is empty");
        assertThatThrownBy(() -> RateLimitStore.parse("redis://u:topsecret@h:6379/a/b"))
                .hasMessageStartingWith("'redis://***@h:6379/a/b' is not a rate-limit store")
                .hasMessageNotContaining("topsecret");
    }
}
