package ai.voxworks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public types of ai.voxworks.conformance are exactly the ones its package Javadoc lists. */
class PublicApiTest {

    private static final String PACKAGE = "ai.voxworks.conformance";

    @Test
    void publicTypesAreTheOnesThePackageDocumentationLists() throws Exception {
        Set<String> listed = new TreeSet<>();
        Matcher link = Pattern.compile("\\{@link " + Pattern.quote(PACKAGE) + "\\.(\\w+)}")
                .matcher(Files.readString(Path.of("src/main/java/ai/voxworks/conformance/package-info.java")));
        while (link.find()) {
            listed.add(link.group(1));
        }

        assertThat(publicTopLevelTypes()).isEqualTo(listed).containsExactly("ConformanceSummary", "Main");
    }

    private static Set<String> publicTopLevelTypes() throws IOException, ClassNotFoundException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .resolve(PACKAGE.replace('.', '/'));
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
                    String simple = name.substring(0, name.length() - ".class".length());
                    if (Modifier.isPublic(Class.forName(PACKAGE + "." + simple).getModifiers())) {
                        names.add(simple);
                    }
                }
            }
        }
        return names;
    }
}
