package ai.voxworks.jshell;

import ai.voxworks.client.Call;
import ai.voxworks.client.CallResponse;
import ai.voxworks.client.VoxworksClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The {@code client} variable of a session: the client the helpers use now, whichever that is after
 * {@code offline()} or {@code production(key)}, so {@code client.} and Tab lists what it can do.
 * Each method is the {@link VoxworksClient} method of the same name on {@link Helpers#client()}.
 *
 * <pre>{@code
 * client.getCallResponse("call_nw_1001").rateLimit()
 * client.getCallAsync("call_nw_1002").join().status()
 * }</pre>
 */
public final class ShellClient {

    /** The one there is: it holds nothing, and asks the session each time. */
    static final ShellClient CURRENT = new ShellClient();

    private ShellClient() {
    }

    /** The {@code client} variable of {@code voxworks.jsh}. */
    public static ShellClient current() {
        return CURRENT;
    }

    /** {@link VoxworksClient#getCall}: the call, typed, without printing it ({@code call(id)} prints it). */
    public Call getCall(String callId) {
        return Helpers.client().getCall(callId);
    }

    /** {@link VoxworksClient#getCallResponse}: the call with its status, headers and rate-limit status. */
    public CallResponse getCallResponse(String callId) {
        return Helpers.client().getCallResponse(callId);
    }

    /** {@link VoxworksClient#getCallAsync}: the call, without blocking. */
    public CompletableFuture<Call> getCallAsync(String callId) {
        return Helpers.client().getCallAsync(callId);
    }

    /** {@link VoxworksClient#awaitCall(String)}: polls the call until it ends, and returns it then ({@code watch(id)} prints each change). */
    public Call awaitCall(String callId) {
        return Helpers.client().awaitCall(callId);
    }

    /** {@link VoxworksClient#awaitCall(String, Predicate, Duration, Consumer)}: until {@code until} holds, each change to {@code onChange}. */
    public Call awaitCall(String callId, Predicate<Call> until, Duration timeout, Consumer<Call> onChange) {
        return Helpers.client().awaitCall(callId, until, timeout, onChange);
    }

    /** {@link VoxworksClient#baseUrl}: where requests go now. */
    public String baseUrl() {
        return Helpers.client().baseUrl();
    }

    /** {@link VoxworksClient#maskedApiKey}: the key in use, masked. */
    public String maskedApiKey() {
        return Helpers.client().maskedApiKey();
    }

    /** The {@link VoxworksClient} itself, for what is not here ({@code newBuilder()}, say). */
    public VoxworksClient unwrap() {
        return Helpers.client();
    }

    /** The client in use now, as JShell shows the variable. */
    @Override
    public String toString() {
        return Helpers.client().toString();
    }
}
