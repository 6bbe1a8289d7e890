package ai.voxworks.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.MockServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The mock server guide's table of options (docs/mock-server.md) is the command line's: each flag, its variable, its default. */
class DocumentedFlagsTest {

    private static final Path GUIDE = Path.of("../docs/mock-server.md");

    static Iterable<CliSettings.Setting> settings() {
        return CliSettings.ALL;
    }

    @ParameterizedTest
    @MethodSource("settings")
    void theGuidesRowForEachFlagNamesItsVariableAndItsDefault(CliSettings.Setting setting) throws IOException {
        // A flag's cell may hold escaped pipes (`--rate-limit-scope key\\|team`).
        Matcher row = Pattern.compile("(?m)^\\| `" + Pattern.quote(setting.option()) + "[ `](?:\\\\\\||[^|])*\\| `([A-Z_]+)` \\| ([^|]+) \\|")
                .matcher(Files.readString(GUIDE));

        assertThat(row.find()).as("a row for %s in %s", setting.option(), GUIDE).isTrue();
        assertThat(row.group(1)).isEqualTo(setting.variable());
        String documented = row.group(2).strip();
        String actual = setting.defaultValue().apply(MockServerConfig.builder().build());
        if (actual == null || actual.isEmpty()) {
            assertThat(documented).as("default of %s", setting.option()).doesNotStartWith("`");
        } else {
            assertThat(documented).as("default of %s", setting.option()).isEqualTo("`" + actual + "`");
        }
    }
}
