package ai.voxworks.mock.internal.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketState;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.util.concurrent.batch.BatchHelper;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in a Redis server that several replicas share: Bucket4j's Lettuce integration (its
 * compare-and-swap proxy manager: read the bucket, compute in Java, write it back with a Lua
 * compare-and-swap that fails when another replica wrote first, then retry), with the same
 * verbose result as {@link BucketStore.Local}, so the rate-limit fields are exact across replicas.
 * This replica's concurrent requests for one bucket go to Redis as one batch, each still told its
 * own count (see {@link #take}).
 *
 * <p>Keys: {@code voxworks-mock:rate-limit:v1:<scope>:<limit>:<SHA-256 of the partition>}. Redis
 * may write its keys to disk, so no API key is ever one; replicas with another limit or scope use
 * other keys and never touch these. A key expires once its bucket would be full again.
 *
 * <p>Fail-open within the limit: when Redis does not answer (within {@link #CONSUME_TIMEOUT}, or at
 * once while its connection is down), this replica counts with buckets of its own, logs it once,
 * and {@link #status()} says so; Lettuce reconnects by itself and the next request after that
 * counts in Redis again. Its own buckets start from what this replica last saw left in Redis (see
 * {@link #startingTokens}), not full: during an outage no replica lets a key through more than the
 * limit in a window. Nothing here is loaded unless a Redis store is configured.
 */
final class RedisBuckets implements BucketStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisBuckets.class);

    /** Startup gives up on Redis after this long. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** One Redis command. */
    static final Duration COMMAND_TIMEOUT = Duration.ofMillis(400);
    /** One request's whole take from a bucket, compare-and-swap retries included. */
    static final Duration CONSUME_TIMEOUT = Duration.ofMillis(500);
    /** After a failure on an open connection (a Redis that hangs), local buckets for this long before trying again. */
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);
    /** Lettuce tries to reconnect after 50 ms, doubling up to this. */
    static final Duration MAX_RECONNECT_DELAY = Duration.ofMillis(500);

    private static final String KEY_SPACE = "voxworks-mock:rate-limit:v1:";

    private final RedisTarget target;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final ProxyManager<byte[]> proxies;
    private final BucketConfiguration configuration;
    private final String keyPrefix;
    private final List<Bandwidth> windows;
    private final BucketStore.Local fallback;
    private final ConcurrentMap<String, BatchHelper<String, VerboseResult<ConsumptionProbe>, Integer,
            List<VerboseResult<ConsumptionProbe>>>> partitions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Seen> seen = new ConcurrentHashMap<>();
    private final TimeMeter clock;
    private final AtomicBoolean fallingBack = new AtomicBoolean();
    private volatile long pausedUntil;

    private RedisBuckets(RedisTarget target, ClientResources resources, RedisClient client,
                         StatefulRedisConnection<byte[], byte[]> connection, String keyPrefix, List<Bandwidth> windows,
                         TimeMeter clock) {
        this.target = target;
        this.resources = resources;
        this.client = client;
        this.connection = connection;
        this.keyPrefix = keyPrefix;
        this.windows = windows;
        ConfigurationBuilder config = BucketConfiguration.builder();
        windows.forEach(config::addLimit);
        this.configuration = config.build();
        this.proxies = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(5)))
                .requestTimeout(CONSUME_TIMEOUT)
                .build();
        this.clock = clock;
        this.fallback = new BucketStore.Local(windows, clock, this::startingTokens);
        this.pausedUntil = System.nanoTime();
    }

    /**
     * Connects to {@code target}, or fails naming it.
     *
     * @param scope  {@code key} or {@code team}, part of every key with the limit
     * @param limit  the limit as written ({@code 10/1s,60/60s}), part of every key
     * @throws IllegalStateException when Redis cannot be reached (refused, timed out, wrong password, no such database)
     */
    static RedisBuckets connect(RedisTarget target, String scope, String limit, List<Bandwidth> windows, TimeMeter clock) {
        ClientResources resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        // The URI's timeout bounds the handshake (HELLO, AUTH, SELECT), which a JVM just started may
        // be slow to make; every command after it has COMMAND_TIMEOUT (the timeout options below).
        RedisURI.Builder uri = RedisURI.builder().withHost(target.host()).withPort(target.port())
                .withDatabase(target.database()).withTimeout(CONNECT_TIMEOUT);
        if (target.password() != null) {
            if (target.username() != null) {
                uri.withAuthentication(target.username(), target.password());
            } else {
                uri.withPassword(target.password().toCharArray());
            }
        }
        RedisClient client = RedisClient.create(resources, uri.build());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While disconnected, a command fails at once (the request counts locally) instead of queueing.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        StatefulRedisConnection<byte[], byte[]> connection;
        try {
            connection = client.connect(ByteArrayCodec.INSTANCE);
        } catch (RuntimeException e) {
            shutdown(client, resources);
            throw new IllegalStateException("cannot reach the rate-limit store " + target.url() + ": " + reason(e), e);
        }
        return new RedisBuckets(target, resources, client, connection, KEY_SPACE + scope + ":" + limit + ":", windows, clock);
    }

    @Override
    public VerboseResult<ConsumptionProbe> consume(String partition) {
        if (connection.isOpen() && !paused()) {
            try {
                VerboseResult<ConsumptionProbe> shared = partition(partition).execute(partition);
                if (fallingBack.get()) {
                    back();
                }
                return shared;
            } catch (RuntimeException e) {
                lost(e);
            }
        } else if (!fallingBack.get()) {
            lost(null);
        }
        return fallback.consume(partition);
    }

    /**
     * What the partition's windows had left after a take in Redis (one per batch), as this replica last
     * saw them: where its own bucket starts when Redis is lost. Takes of one partition are one batch at
     * a time, but may report out of order; the later operation wins, and of equal times the one with
     * fewer left.
     */
    private void remember(String partition, VerboseResult<ConsumptionProbe> result) {
        Seen now = new Seen(result.getOperationTimeNanos(), result.getDiagnostics().getAvailableTokensPerEachBandwidth(),
                clock.currentTimeNanos());
        seen.merge(partition, now, (old, fresh) -> fresh.operation() > old.operation()
                || fresh.operation() == old.operation() && fresh.fewerThan(old) ? fresh : old);
    }

    /**
     * Where the partition's own bucket starts when Redis is lost: each window with what it had left
     * when this replica last counted in Redis, unless that window has ended since (then full); full for
     * a partition this replica never counted in Redis. So, during an outage, this replica's requests
     * through Redis and its own in the window in progress are never more than the limit (what it had
     * taken through Redis is in the limit minus what was left), nor its own in each window after.
     */
    private long[] startingTokens(String partition) {
        Seen last = seen.get(partition);
        if (last == null) {
            return null;
        }
        long elapsed = clock.currentTimeNanos() - last.at();
        long[] start = new long[windows.size()];
        for (int i = 0; i < start.length; i++) {
            Bandwidth window = windows.get(i);
            start[i] = elapsed < window.getRefillPeriodNanos() ? last.left()[i] : window.getCapacity();
        }
        return start;
    }

    /**
     * One take in Redis as this replica saw it.
     *
     * @param operation when Redis counted it (Bucket4j's operation time)
     * @param left      what each window had left after it
     * @param at        when, on this replica's clock
     */
    private record Seen(long operation, long[] left, long at) {
        boolean fewerThan(Seen other) {
            for (int i = 0; i < left.length; i++) {
                if (left[i] < other.left[i]) {
                    return true;
                }
            }
            return false;
        }
    }

    private boolean paused() {
        return System.nanoTime() - pausedUntil < 0;
    }

    /**
     * The partition's bucket behind Bucket4j's batch helper: a request that finds another of this
     * replica's requests for the bucket under way waits for it, and the requests that gathered
     * meanwhile go to Redis as one (see {@link #take}). A bucket then costs Redis a read and a
     * compare-and-swap per batch, not per request, and only other replicas' writes make one retry.
     */
    private BatchHelper<String, VerboseResult<ConsumptionProbe>, Integer, List<VerboseResult<ConsumptionProbe>>> partition(
            String partition) {
        var batches = partitions.get(partition);
        if (batches != null) {
            return batches;
        }
        return partitions.computeIfAbsent(partition, k -> {
            BucketProxy bucket = proxies.builder().build(key(k), () -> configuration);
            return BatchHelper.create(List::size, n -> take(k, bucket, n), (n, results) -> results);
        });
    }

    /**
     * {@code n} requests' takes from {@code bucket}, each with the verbose result it would have had
     * alone. The requests are concurrent, so any order is a true one: as if they came one after the
     * other at the operation's instant. Bucket4j takes all {@code n} at once, or says how many are
     * left; request {@code j} of {@code n} taken then saw the bucket's state after the batch plus
     * the {@code n - 1 - j} taken after it ({@code addTokens} undoes {@code consume} exactly: each
     * window holds fewer than its capacity), and a refused one saw the state as it is.
     */
    private List<VerboseResult<ConsumptionProbe>> take(String partition, BucketProxy bucket, int n) {
        if (paused()) {
            throw new IllegalStateException("paused after a failure");
        }
        if (n == 1) {
            VerboseResult<ConsumptionProbe> one = bucket.asVerbose().tryConsumeAndReturnRemaining(1);
            remember(partition, one);
            return List.of(one);
        }
        List<VerboseResult<ConsumptionProbe>> results = new ArrayList<>(n);
        long deadline = System.nanoTime() + CONSUME_TIMEOUT.toNanos();
        int asking = n;
        while (results.size() < n) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no answer from Redis within " + CONSUME_TIMEOUT.toMillis() + " ms");
            }
            VerboseResult<ConsumptionProbe> batch = bucket.asVerbose().tryConsumeAndReturnRemaining(asking);
            BucketState state = batch.getState();
            long now = batch.getOperationTimeNanos();
            if (batch.getValue().isConsumed()) {
                for (int j = 0; j < asking; j++) {
                    BucketState seen = state.copy();
                    seen.addTokens(asking - 1 - j);
                    results.add(new VerboseResult<>(now, ConsumptionProbe.consumed(seen.getAvailableTokens(),
                            seen.calculateFullRefillingTime(now)), seen));
                }
                asking = n - results.size();
            } else if (batch.getValue().getRemainingTokens() > 0) {
                asking = (int) Math.min(n - results.size(), batch.getValue().getRemainingTokens());
            } else {
                // Nothing left: each of the rest is refused, as tryConsumeAndReturnRemaining(1) refuses.
                ConsumptionProbe refused = ConsumptionProbe.rejected(0, state.calculateDelayNanosAfterWillBePossibleToConsume(
                        1, now, true), state.calculateFullRefillingTime(now));
                while (results.size() < n) {
                    results.add(new VerboseResult<>(now, refused, state));
                }
            }
        }
        // The last result saw the fewest left: what this replica knows of the bucket now.
        remember(partition, results.get(results.size() - 1));
        return results;
    }

    private byte[] key(String partition) {
        return (keyPrefix + sha256(partition)).getBytes(StandardCharsets.UTF_8);
    }

    private void lost(RuntimeException e) {
        if (e != null) {
            pausedUntil = System.nanoTime() + PAUSE_AFTER_FAILURE.toNanos();
        }
        if (fallingBack.compareAndSet(false, true)) {
            LOG.warn("Rate-limit store {} does not answer ({}): this replica counts requests with its own buckets "
                    + "until it does, each starting from what this replica last saw left, so a key gets at most the "
                    + "limit per window from each replica", target.url(),
                    e == null ? "disconnected" : reason(e));
        }
    }

    private void back() {
        if (fallingBack.compareAndSet(true, false)) {
            // The next outage starts again from what Redis says then.
            fallback.reset();
            LOG.info("Rate-limit store {} answers again: the replicas share their buckets again", target.url());
        }
    }

    /** Deletes this configuration's buckets in Redis (every replica's), and this replica's local ones. */
    @Override
    public void reset() {
        RedisCommands<byte[], byte[]> redis = connection.sync();
        ScanArgs match = ScanArgs.Builder.matches(keyPrefix + "*").limit(1000);
        try {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<byte[]> page = redis.scan(cursor, match);
                if (!page.getKeys().isEmpty()) {
                    redis.unlink(page.getKeys().toArray(byte[][]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot refill the shared buckets: the rate-limit store " + target.url()
                    + " does not answer (" + reason(e) + ")", e);
        }
        fallback.reset();
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String url() {
        return target.url();
    }

    @Override
    public Status status() {
        boolean reachable;
        try {
            reachable = connection.isOpen() && "PONG".equals(connection.sync().ping());
        } catch (RuntimeException e) {
            reachable = false;
        }
        if (reachable && paused()) {
            // It answers at once: no need to wait out the pause that followed a failure.
            pausedUntil = System.nanoTime();
        }
        return new Status(target.url(), true, reachable, reachable ? null
                : target.url() + " does not answer: each replica counts with its own buckets until it does,"
                + " starting from what it last saw left (a key gets at most the limit per window from each replica);"
                + " sharing resumes by itself");
    }

    @Override
    public void close() {
        connection.close();
        shutdown(client, resources);
    }

    private static void shutdown(RedisClient client, ClientResources resources) {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The innermost cause's message, or its type: "Connection refused", "WRONGPASS invalid username-password pair". */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
