package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherExecutionProviderTest {

    @Test
    void theClassPathForSnippetsIsWhatTheToolGaveThatTheJvmLacks() {
        List<String> vmOptions = List.of("-Xmx1g", "--class-path", "/a.jar:/lib/classes:/toolkit.jar", "--add-modules", "x");

        assertThat(LauncherExecutionProvider.classPath(vmOptions, "/toolkit.jar:/deps.jar:/toolkit.jar"))
                .isEqualTo("/a.jar:/lib/classes");
        assertThat(LauncherExecutionProvider.classPath(List.of("--class-path", "/toolkit.jar"), "/toolkit.jar")).isEmpty();
        assertThat(LauncherExecutionProvider.classPath(List.of(), "/toolkit.jar")).isEmpty();
    }
}
