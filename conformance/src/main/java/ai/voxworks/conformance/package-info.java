/**
 * The Voxworks conformance suite: {@code GET /api/v1/get-call/{call_id}} of any server checked
 * against {@code fixtures/openapi.yaml}, in a {@code contract} or a {@code strict} profile.
 *
 * <p>Public types, and the only ones:
 * <ul>
 *   <li>{@link ai.voxworks.conformance.Main}: the command line ({@code java -jar voxworks-conformance.jar --help});</li>
 *   <li>{@link ai.voxworks.conformance.ConformanceSummary}: a JUnit Platform listener that prints the same report
 *       when the cases run under Maven.</li>
 * </ul>
 * The cases ({@code GetCallCases}, {@code RateLimitCases}) and their wiring are package-private: run them through
 * the command line or a JUnit Platform suite that selects them.
 */
package ai.voxworks.conformance;
