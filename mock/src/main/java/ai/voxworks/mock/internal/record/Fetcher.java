package ai.voxworks.mock.internal.record;

import ai.voxworks.client.AuthenticationException;
import ai.voxworks.client.CallResponse;
import ai.voxworks.client.NotFoundException;
import ai.voxworks.client.RateLimitException;
import ai.voxworks.client.ServerException;
import ai.voxworks.client.TransportException;
import ai.voxworks.client.UnexpectedResponseException;
import ai.voxworks.client.VoxworksClient;
import ai.voxworks.client.VoxworksException;
import ai.voxworks.client.internal.Backoff;
import ai.voxworks.client.Sleeper;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Asks a Voxworks server for calls through {@link VoxworksClient}, one attempt at a time, and
 * decides in one switch what each answer means for the recording: a call is saved; 401 stops the
 * recording (the key is wrong); 404 skips the call; 429 waits what {@code Retry-After} asks (saying
 * so) and asks again; 500, 502, 503, 504 and transport failures are retried with the client's
 * backoff, then the call is skipped; anything else skips it.
 *
 * <p>The recording's own loop rather than the client's, because it reports each wait as a progress
 * line and counts rate-limit waits apart from failures. The client does the rest: it never follows a
 * redirect (the key goes to the configured server only), ends each attempt within its deadline, a
 * slow body included, refuses a body larger than {@link #MAX_BODY}, and keeps the key out of every
 * message.
 */
final class Fetcher implements AutoCloseable {

    static final long MAX_BODY = 32L << 20;
    /** How often one call may meet a 429 before it is skipped: a server that never lets a request through. */
    static final int MAX_RATE_LIMIT_WAITS = 5;

    /** How hard to try. */
    record Retries(int maxRetries, Duration initialBackoff, Duration maxRateLimitWait, Duration timeout, Sleeper sleeper) {
    }

    private final VoxworksClient client;
    private final String baseUrl;
    private final Retries retries;
    private final Consumer<String> progress;

    Fetcher(String baseUrl, String apiKey, Retries retries, Consumer<String> progress) {
        this.client = VoxworksClient.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .maxRetries(0)
                .followRedirects(false)
                .maxResponseSize(MAX_BODY)
                .connectTimeout(retries.timeout())
                .readTimeout(retries.timeout())
                .deadline(retries.timeout())
                .build();
        this.baseUrl = client.baseUrl();
        this.retries = retries;
        this.progress = progress;
    }

    /** Asks for the call {@code id} until the answer is final. */
    Fetched fetch(String id) throws InterruptedException {
        int failures = 0;
        int rateLimited = 0;
        while (true) {
            String failure;
            try {
                CallResponse response = client.getCallResponse(id);
                return new Fetched.Body(response.call().json(), response.rateLimit().orElse(null));
            } catch (AuthenticationException e) {
                return new Fetched.Stop("the key was refused (" + e.getMessage() + ")");
            } catch (NotFoundException e) {
                return new Fetched.Skip("not found (" + e.getMessage() + "): an unknown id, or a call of another team "
                        + "than the key's");
            } catch (RateLimitException e) {
                Optional<Duration> asked = e.retryAfter();
                Duration wait = asked.isPresent() ? asked.get() : backoff(rateLimited);
                if (wait.compareTo(retries.maxRateLimitWait()) > 0) {
                    return new Fetched.Stop("rate limited (" + e.getMessage() + "), and the server asks to wait "
                            + seconds(wait) + ", longer than the " + seconds(retries.maxRateLimitWait())
                            + " a recording waits; try again later");
                }
                if (++rateLimited > MAX_RATE_LIMIT_WAITS) {
                    return new Fetched.Skip("still rate limited after waiting " + MAX_RATE_LIMIT_WAITS + " times");
                }
                progress.accept("rate limited (HTTP 429): waiting " + seconds(wait)
                        + (asked.isPresent() ? " as Retry-After asks" : "") + ", then " + id + " again");
                retries.sleeper().sleep(wait);
                continue;
            } catch (UnexpectedResponseException e) {
                return e.status() == 200
                        ? new Fetched.Skip("the response does not match the spec: " + e.getMessage())
                        : new Fetched.Skip("unexpected " + e.getMessage());
            } catch (ServerException | TransportException e) {
                if (e instanceof ServerException && !Backoff.retryableStatus(e.status())) {
                    return new Fetched.Skip("unexpected " + e.getMessage());
                }
                failure = e instanceof TransportException ? "no response from " + baseUrl + ": " + e.getMessage()
                        : e.getMessage();
            } catch (VoxworksException e) {
                return new Fetched.Skip("unexpected " + e.getMessage());
            }
            if (failures >= retries.maxRetries()) {
                return new Fetched.Skip(failure + (failures == 0 ? "" : " (tried " + (failures + 1) + " times)"));
            }
            Duration wait = backoff(failures++);
            progress.accept(id + ": " + failure + "; trying again in " + seconds(wait));
            retries.sleeper().sleep(wait);
        }
    }

    private Duration backoff(int attempt) {
        return Backoff.fullJitter(retries.initialBackoff(), attempt, ThreadLocalRandom.current().nextDouble());
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        client.close();
    }
}
