package ai.voxworks.mock;

import ai.voxworks.client.internal.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link MockServer} needs to start. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * MockServerConfig config = MockServerConfig.builder()
 *     .port(0)                                  // any free port
 *     .rateLimit(RateLimit.parse("100/1m"))
 *     .build();
 * }</pre>
 *
 * @param host        address to bind, default {@code 127.0.0.1} (loopback: only this machine)
 * @param port        port to bind, default 4010; 0 picks a free one
 * @param fixturesDir directory with {@code teams.json} and {@code calls/}; empty means the bundled copy
 * @param rateLimit   the limit, one window or several, default {@link RateLimit#DEFAULT}
 * @param rateLimitScope   what a limit counts: each API key (default) or each team, shared by its keys
 * @param rateLimitHeaders which fields describe the limit: {@code X-RateLimit-*} (default), IETF, or both
 * @param rateLimitStore   where the buckets live: in this process (default), or in a Redis server that
 *                         replicas share ({@link RateLimitStore})
 * @param latency     delay added to every API response, default none
 * @param faults      faults drawn at random for get-call requests, the same ones for the same seed; default
 *                    {@link FaultProfile#OFF}
 * @param corsOrigins origins allowed to call the API from a browser; {@code *} allows any
 * @param allowedHosts names served besides this machine's own ({@code localhost}, IP addresses, the
 *                    bound host): {@code Host} headers naming anything else are refused (DNS rebinding);
 *                    {@code .example.com} allows its subdomains, {@code *} any name to read (an admin change's
 *                    {@code Origin} must still name this machine or a listed host)
 */
public record MockServerConfig(
        String host,
        int port,
        Optional<Path> fixturesDir,
        RateLimit rateLimit,
        RateLimit.Scope rateLimitScope,
        RateLimit.HeaderStyle rateLimitHeaders,
        RateLimitStore rateLimitStore,
        Duration latency,
        FaultProfile faults,
        List<String> corsOrigins,
        List<String> allowedHosts) {

    /** Longest delay a flag or a {@code Prefer: delay=} may ask for. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(2);

    public MockServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(fixturesDir, "fixturesDir");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(rateLimitScope, "rateLimitScope");
        Objects.requireNonNull(rateLimitHeaders, "rateLimitHeaders");
        Objects.requireNonNull(rateLimitStore, "rateLimitStore");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(faults, "faults");
        corsOrigins = List.copyOf(corsOrigins);
        allowedHosts = List.copyOf(allowedHosts);
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        checkLatency(latency);
        if (corsOrigins.isEmpty()) {
            throw new IllegalArgumentException("corsOrigins must name at least one origin, or *");
        }
    }

    /** A builder with every setting at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The latency rule, stated once: the command line checks a flag's value with it too.
     *
     * @throws IllegalArgumentException when {@code latency} is negative or longer than {@link #MAX_DELAY}
     */
    public static Duration checkLatency(Duration latency) {
        return Durations.check(latency, "latency", Duration.ZERO, MAX_DELAY);
    }

    /** Builds a {@link MockServerConfig}; every setting has a default, and these are the defaults. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 4010;
        private Path fixturesDir;
        private RateLimit rateLimit = RateLimit.DEFAULT;
        private RateLimit.Scope rateLimitScope = RateLimit.Scope.KEY;
        private RateLimit.HeaderStyle rateLimitHeaders = RateLimit.HeaderStyle.X;
        private RateLimitStore rateLimitStore = RateLimitStore.LOCAL;
        private Duration latency = Duration.ZERO;
        private FaultProfile faults = FaultProfile.OFF;
        private List<String> corsOrigins = List.of("*");
        private List<String> allowedHosts = List.of();

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port to bind; 0 picks a free one (see {@link MockServer#port()}). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Serve the fixtures in this directory instead of the bundled ones; {@code null} for bundled. */
        public Builder fixturesDir(Path fixturesDir) {
            this.fixturesDir = fixturesDir;
            return this;
        }

        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        /** Count per API key (default) or per team, all of a team's keys sharing its windows. */
        public Builder rateLimitScope(RateLimit.Scope scope) {
            this.rateLimitScope = scope;
            return this;
        }

        /** {@code X-RateLimit-*} (default), the IETF {@code RateLimit}/{@code RateLimit-Policy} fields, or both. */
        public Builder rateLimitHeaders(RateLimit.HeaderStyle style) {
            this.rateLimitHeaders = style;
            return this;
        }

        /**
         * {@link RateLimitStore#LOCAL} (default), or a Redis store that several replicas share, such as
         * {@code RateLimitStore.parse("redis://127.0.0.1:6379")}: then {@link MockServer#start} connects to
         * it (and fails when it cannot), and data changes at run time are refused, since they would reach
         * this replica only.
         */
        public Builder rateLimitStore(RateLimitStore store) {
            this.rateLimitStore = store;
            return this;
        }

        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        /**
         * Faults at random, such as {@code FaultProfile.parse("5%:reset,2%:500").withSeed(42)}: the same
         * requests get the same faults for the same seed. Default {@link FaultProfile#OFF}.
         */
        public Builder faults(FaultProfile faults) {
            this.faults = faults;
            return this;
        }

        public Builder corsOrigins(List<String> corsOrigins) {
            this.corsOrigins = corsOrigins;
            return this;
        }

        /** Names to serve besides this machine's own, such as a shared machine's DNS name; default none. */
        public Builder allowedHosts(List<String> allowedHosts) {
            this.allowedHosts = allowedHosts;
            return this;
        }

        public MockServerConfig build() {
            return new MockServerConfig(host, port, Optional.ofNullable(fixturesDir), rateLimit, rateLimitScope,
                    rateLimitHeaders, rateLimitStore, latency, faults, corsOrigins, allowedHosts);
        }
    }
}
