package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HelpersTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void forget() {
        Helpers.reset();
    }

    @Test
    void aSessionThatCouldNotStartShowsWhyAndOfflineStillWorks() {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Helpers.startInBackground(Map.of("VOXWORKS_API_KEY", "vx_live_k", "VOXWORKS_BASE_URL", "not a url")::get, System.out, System.out);

            assertThatThrownBy(Helpers::banner).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("baseUrl 'not a url' is not an http or https URL");
            Helpers.offline();

            assertThat(Helpers.find("no-answer")).containsExactly("call_nw_1004");
        } finally {
            System.setOut(stdout);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Voxworks JShell toolkit, offline: mock server at");
    }

    @Test
    void thePublicMethodsOfTheHelpersAreTheHelpers() {
        Set<String> helpers = Arrays.stream(Helpers.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).collect(Collectors.toCollection(TreeSet::new));

        assertThat(helpers).containsExactly("banner", "call", "calls", "client", "find", "help", "offline", "production", "record", "watch");
    }
}
