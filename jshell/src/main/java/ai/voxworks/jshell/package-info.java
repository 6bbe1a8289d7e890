/**
 * The Voxworks JShell toolkit: {@code jshell/voxworks-shell} and what {@code voxworks.jsh} loads.
 *
 * <p>Public types, and the only ones:
 * <ul>
 *   <li>{@link ai.voxworks.jshell.Helpers}: the helpers a JShell session uses ({@code call(id)},
 *       {@code calls()}, {@code find(status)}, {@code offline()}, {@code production(key)}, ...);</li>
 *   <li>{@link ai.voxworks.jshell.ShellClient}: the {@code client} variable, the client in use now;</li>
 *   <li>{@link ai.voxworks.jshell.Printing}: {@code print}, {@code println}, {@code printf}, the
 *       overloads of JShell's {@code PRINTING} start-up, as top-level functions;</li>
 *   <li>{@link ai.voxworks.jshell.Shell}: the launcher's entry point (its arguments are jshell's);</li>
 *   <li>{@link ai.voxworks.jshell.LauncherExecutionProvider}: the execution engine the launcher names
 *       ({@code --execution voxworks}); public because {@link java.util.ServiceLoader} needs it, not API.</li>
 * </ul>
 * Everything else is package-private: the session behind the helpers, running scripts through the
 * JDK's tool, how calls and errors are shown, Javadoc for Tab.
 */
package ai.voxworks.jshell;
