/**
 * A small OkHttp + Jackson client for the Voxworks API.
 *
 * <p>The public types, and the only ones:
 * <ul>
 *   <li>{@link ai.voxworks.client.VoxworksClient} and its {@link ai.voxworks.client.VoxworksClient.Builder}:
 *       {@code getCall}, {@code getCallResponse}, {@code getCallAsync}, {@code awaitCall} (polls a call until it
 *       ends, within the rate limit), {@code fromEnv()}</li>
 *   <li>{@link ai.voxworks.client.Call}: a call, every field of the spec's {@code Call}</li>
 *   <li>{@link ai.voxworks.client.CallResponse}: a call with its status, headers and
 *       {@link ai.voxworks.client.RateLimitStatus}</li>
 *   <li>{@link ai.voxworks.client.VoxworksException}, the base of the errors:
 *       {@link ai.voxworks.client.AuthenticationException} (401),
 *       {@link ai.voxworks.client.NotFoundException} (404),
 *       {@link ai.voxworks.client.RateLimitException} (429),
 *       {@link ai.voxworks.client.ServerException} (5xx),
 *       {@link ai.voxworks.client.ApiException} (other statuses),
 *       {@link ai.voxworks.client.TransportException} (no response),
 *       {@link ai.voxworks.client.UnexpectedResponseException} (a response that is not the API's) and
 *       {@link ai.voxworks.client.AwaitTimeoutException} ({@code awaitCall} gave up)</li>
 *   <li>{@link ai.voxworks.client.Sleeper}: how a client waits, with a clock given to
 *       {@code Builder.time(clock, sleeper)} by tools that keep a time of their own</li>
 * </ul>
 *
 * <p>Everything else here is package-private: how requests are made and retried, how responses
 * are read, and the seams tests use (a source of jitter, the environment).
 */
package ai.voxworks.client;
