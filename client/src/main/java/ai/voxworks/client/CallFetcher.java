package ai.voxworks.client;

import ai.voxworks.client.internal.PathSegments;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches one call: builds the request, makes the attempts the {@link RetryPolicy} allows (a
 * blocking loop, or callbacks that schedule the next attempt without a waiting thread) and hands
 * each response to {@link Responses}. Holds no state of its own between calls.
 */
final class CallFetcher {

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final String authorization;
    private final HttpUrl getCallUrl;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Responses responses;
    private final Duration deadline;
    private final Throttle throttle;
    private final Clock clock;
    private final long maxResponseSize;

    CallFetcher(OkHttpClient http, HttpUrl baseUrl, String apiKey, RetryPolicy retry, Sleeper sleeper, Responses responses,
                Duration deadline, Throttle throttle, Clock clock, long maxResponseSize) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + apiKey;
        this.getCallUrl = baseUrl.newBuilder().addPathSegments("api/v1/get-call").build();
        this.retry = retry;
        this.sleeper = sleeper;
        this.responses = responses;
        this.deadline = deadline;
        this.throttle = throttle;
        this.clock = clock;
        this.maxResponseSize = maxResponseSize;
    }

    Responses.Fetched fetch(String callId) {
        return fetch(callId, true);
    }

    /**
     * As {@link #fetch(String)}; with {@code waitOutRateLimits} false a 429 is thrown at once, not
     * retried: {@code awaitCall} weighs it against its own timeout.
     */
    private Responses.Fetched fetch(String callId, boolean waitOutRateLimits) {
        Deadline until = Deadline.after(deadline);
        Request request = request(callId, until);
        for (int attempt = 0; ; attempt++) {
            Duration throttled = throttle.waitBeforeSending();
            // A throttle wait past the deadline is not worth it: the server's answer says more.
            if (!throttled.isZero() && !until.passedAfter(throttled)) {
                try {
                    sleeper.sleep(throttled);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TransportException("Interrupted while waiting for the rate limit to reset", e);
                }
            }
            try {
                return execute(request, until);
            } catch (VoxworksException failure) {
                Duration wait = !waitOutRateLimits && failure instanceof RateLimitException ? null : retry.delay(failure, attempt);
                if (wait == null || until.passedAfter(wait)) {
                    throw failure;
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.addSuppressed(e);
                    throw failure;
                }
            }
        }
    }

    /** {@link #fetch} as a {@link CallResponse}. */
    CallResponse fetchResponse(String callId) {
        return responses.response(fetch(callId));
    }

    /** One look of {@code awaitCall}: as {@link #fetchResponse}, but a 429 comes back at once, to be weighed by the caller. */
    CallResponse look(String callId) {
        return responses.response(fetch(callId, false));
    }

    /** As {@link #fetch}, completing with {@code result} of the response; cancelling the future stops the retries. */
    <T> CompletableFuture<T> fetchAsync(String callId, Function<Responses.Fetched, T> result) {
        Deadline until = Deadline.after(deadline);
        Request request = request(callId, until);
        CompletableFuture<T> future = new CompletableFuture<>();
        attemptAsync(request, until, 0, result, future);
        return future;
    }

    private Request request(String callId, Deadline until) {
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("callId must not be null or blank");
        }
        if (callId.equals(".") || callId.equals("..")) {
            // URLs treat these as navigation at every layer (OkHttp, proxies, servers): never an id.
            throw new IllegalArgumentException("'" + callId + "' cannot be a call id");
        }
        HttpUrl url = getCallUrl.newBuilder()
                // One segment whatever it holds: "a/b" is sent as a%2Fb.
                .addEncodedPathSegment(PathSegments.encode(callId))
                .build();
        return new Request.Builder()
                .url(url)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", "voxworks-java/" + VoxworksClient.VERSION)
                .get()
                .tag(Deadline.class, until)
                .build();
    }

    private Responses.Fetched execute(Request request, Deadline until) {
        try (Response response = http.newCall(request).execute()) {
            return read(response, until);
        } catch (IOException e) {
            throw transport(e, until);
        }
    }

    private <T> void attemptAsync(Request request, Deadline until, int attempt, Function<Responses.Fetched, T> result,
                                  CompletableFuture<T> future) {
        Duration throttled = throttle.waitBeforeSending();
        if (!throttled.isZero() && !until.passedAfter(throttled)) {
            CompletableFuture.runAsync(() -> send(request, until, attempt, result, future), sleeper.after(throttled));
        } else {
            send(request, until, attempt, result, future);
        }
    }

    private <T> void send(Request request, Deadline until, int attempt, Function<Responses.Fetched, T> result,
                          CompletableFuture<T> future) {
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(okhttp3.Call call, IOException e) {
                retryOrFail(transport(e, until));
            }

            @Override
            public void onResponse(okhttp3.Call call, Response response) {
                try (response) {
                    future.complete(result.apply(read(response, until)));
                } catch (VoxworksException failure) {
                    retryOrFail(failure);
                } catch (IOException e) {
                    retryOrFail(transport(e, until));
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                }
            }

            private void retryOrFail(VoxworksException failure) {
                Duration wait = retry.delay(failure, attempt);
                if (wait == null || until.passedAfter(wait) || future.isDone()) {
                    future.completeExceptionally(failure);
                    return;
                }
                CompletableFuture.runAsync(() -> attemptAsync(request, until, attempt + 1, result, future), sleeper.after(wait));
            }
        });
    }

    private Responses.Fetched read(Response response, Deadline until) throws IOException {
        if (throttle.enabled()) {
            throttle.observe(RateLimitHeaders.status(response.headers(), clock));
        }
        byte[] body;
        try {
            body = until.readBody(response, maxResponseSize);
        } catch (IOException e) {
            if (e instanceof InterruptedIOException) {
                throw e;
            }
            if (e instanceof Deadline.TooLarge) {
                throw responses.unexpected(response.code(), e.getMessage(), e);
            }
            throw responses.unexpected(response.code(), "the body was cut off (" + e.getMessage() + ")", e);
        }
        return responses.read(response.code(), response.headers(), body);
    }

    private TransportException transport(IOException e, Deadline until) {
        String what = e instanceof SocketTimeoutException || e instanceof InterruptedIOException
                ? "timed out" : "failed";
        // A timeout the deadline cut short says so, rather than OkHttp's bare "timeout".
        String why = until.leftMillis() <= 0 ? until.exceeded().getMessage()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new TransportException(responses.scrub("Request to " + VoxworksClient.display(baseUrl) + " " + what + ": "
                + why), e);
    }
}
