package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellArgumentsTest {

    @Test
    void loadFilesOptionsAndTheUsersClassPathAreToldApart() {
        Shell.Arguments arguments = Shell.Arguments.parse(List.of("-q", "--class-path", "lib.jar", "--feedback", "concise",
                "a.jsh", "-", "--class-path=more", "-R-Xmx1g", "b.jsh"));

        assertThat(arguments.loadFiles()).containsExactly("a.jsh", "-", "b.jsh");
        assertThat(arguments.classPath()).contains("lib.jar:more");
        assertThat(arguments.options()).containsExactly("-q", "--feedback", "concise", "-R-Xmx1g");
        assertThat(arguments.ownStartup()).isFalse();
    }

    @Test
    void aStartUpOfTheUsersOwnReplacesTheToolkits() {
        assertThat(Shell.Arguments.parse(List.of("--startup", "PRINTING")).ownStartup()).isTrue();
        assertThat(Shell.Arguments.parse(List.of("--no-startup")).ownStartup()).isTrue();
        assertThat(Shell.Arguments.parse(List.of("--class-path")).classPath()).isEqualTo(Optional.empty());
    }
}
