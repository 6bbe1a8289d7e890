package ai.voxworks.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public types are the ones package-info.java lists; Tab after the helpers' import offers only helpers. */
class PublicApiTest {

    private static final String PACKAGE = "ai.voxworks.jshell";

    @Test
    void thePublicTypesAreExactlyThoseThePackageJavadocLists() throws Exception {
        Set<String> listed = new TreeSet<>();
        Matcher link = Pattern.compile("\\{@link " + Pattern.quote(PACKAGE) + "\\.(\\w+)}")
                .matcher(Files.readString(Path.of("src/main/java/ai/voxworks/jshell/package-info.java")));
        while (link.find()) {
            listed.add(link.group(1));
        }
        Path classes = Path.of(Helpers.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(PACKAGE.replace('.', '/'));
        Set<String> isPublic = new TreeSet<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (String name : files.map(f -> f.getFileName().toString()).toList()) {
                if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
                    String simple = name.substring(0, name.length() - ".class".length());
                    if (Modifier.isPublic(Class.forName(PACKAGE + "." + simple).getModifiers())) {
                        isPublic.add(simple);
                    }
                }
            }
        }

        assertThat(isPublic).isEqualTo(listed).contains("Helpers", "Printing");
    }

    @Test
    void thePublicMethodsOfTheHelpersAreTheHelpers() {
        Set<String> helpers = Arrays.stream(Helpers.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).collect(Collectors.toCollection(TreeSet::new));

        assertThat(helpers).containsExactly("banner", "call", "calls", "client", "find", "help", "offline", "production", "record");
    }
}
