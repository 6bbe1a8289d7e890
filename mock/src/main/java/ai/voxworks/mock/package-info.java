/**
 * The Voxworks mock server as a library: {@code GET /api/v1/get-call/{call_id}} served from fixture
 * files, in-process (tests, JShell, tools). The command line ({@code java -jar voxworks-mock-server.jar})
 * is another artifact, {@code voxworks-mock-server}, built on this one. Logs through slf4j-api only.
 *
 * <p>Public types, and the only ones:
 * <ul>
 *   <li>{@link ai.voxworks.mock.MockServer}: a running server, started in-process (tests, JShell);</li>
 *   <li>{@link ai.voxworks.mock.MockServerConfig}, {@link ai.voxworks.mock.RateLimit} and
 *       {@link ai.voxworks.mock.RateLimitStore}: how it runs;</li>
 *   <li>{@link ai.voxworks.mock.Fixtures}, {@link ai.voxworks.mock.Team}, {@link ai.voxworks.mock.CallSummary}:
 *       the data it serves, read-only;</li>
 *   <li>{@link ai.voxworks.mock.RecordedRequest}: an entry of its request journal;</li>
 *   <li>{@link ai.voxworks.mock.Fault} and {@link ai.voxworks.mock.FaultProfile}: the network misbehaving on
 *       request, or at random with a seed;</li>
 *   <li>{@link ai.voxworks.mock.InvalidFixturesException} and {@link ai.voxworks.mock.FixtureProblem}: why data
 *       was refused;</li>
 *   <li>{@link ai.voxworks.mock.Recorder} and {@link ai.voxworks.mock.RecordingSummary}: real calls recorded into
 *       fixtures ({@code record} on the command line).</li>
 * </ul>
 * Everything under {@code ai.voxworks.mock.internal} is how it is built, not API.
 */
package ai.voxworks.mock;
