/**
 * The mock server's command line: {@code java -jar voxworks-mock-server.jar [options]} serves the
 * mock library ({@code ai.voxworks.mock}), {@code record ID...} records real calls into fixtures.
 *
 * <p>Public types, and the only ones:
 * <ul>
 *   <li>{@link ai.voxworks.mock.cli.Main}: the command line ({@code --help} lists every option).</li>
 * </ul>
 */
package ai.voxworks.mock.cli;
