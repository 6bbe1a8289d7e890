/**
 * The Voxworks mock server in JUnit Jupiter tests: one mock per test class on a free loopback
 * port, reset before each test, stopped after the class.
 *
 * <pre>{@code
 * @VoxworksMockTest
 * class MyServiceTest {
 *     @Test
 *     void readsACall(VoxworksMock mock) {
 *         Call call = mock.client().getCall("call_nw_1001");
 *     }
 * }
 * }</pre>
 *
 * <p>Public types, and the only ones:
 * <ul>
 *   <li>{@link ai.voxworks.mock.junit5.VoxworksMockTest}: the annotation, with the fixtures directory, rate
 *       limit, latency, faults and strictness as attributes;</li>
 *   <li>{@link ai.voxworks.mock.junit5.VoxworksMockExtension}: the same as a {@code @RegisterExtension} field,
 *       configured by a builder, optionally one mock per test method;</li>
 *   <li>{@link ai.voxworks.mock.junit5.VoxworksMock}: the running mock, injected as a parameter (and what the
 *       field delegates to): its URL, ready clients, its data, its request journal, verification and faults;</li>
 *   <li>{@link ai.voxworks.mock.junit5.RequestPattern}: which requests {@code verify} and {@code await} count.</li>
 * </ul>
 */
package ai.voxworks.mock.junit5;
