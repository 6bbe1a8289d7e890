package ai.voxworks.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public types are the ones package-info.java lists, and callers can create no exceptions. */
class PublicApiTest {

    private static final String PACKAGE = "ai.voxworks.client";

    private static List<Class<?>> topLevelTypes() throws Exception {
        Path classes = Path.of(VoxworksClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(PACKAGE.replace('.', '/'));
        try (Stream<Path> files = Files.list(classes)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
                    .map(n -> load(PACKAGE + "." + n.substring(0, n.length() - ".class".length())))
                    .collect(Collectors.toList());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePublicTypesAreExactlyThoseThePackageJavadocLists() throws Exception {
        String packageInfo = Files.readString(Path.of(System.getProperty("basedir", "."),
                "src/main/java", PACKAGE.replace('.', '/'), "package-info.java"));
        Set<String> listed = new TreeSet<>();
        Matcher link = Pattern.compile("\\{@link " + Pattern.quote(PACKAGE) + "\\.(\\w+)[}.]").matcher(packageInfo);
        while (link.find()) {
            listed.add(link.group(1));
        }
        Set<String> isPublic = topLevelTypes().stream().filter(c -> Modifier.isPublic(c.getModifiers()))
                .map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));

        assertThat(listed).hasSizeGreaterThan(5);
        assertThat(isPublic).isEqualTo(listed);
    }

    @Test
    void onlyThisPackageCreatesExceptionsAndEachCauseIsFinal() throws Exception {
        assertThat(Modifier.isAbstract(VoxworksException.class.getModifiers())).isTrue();
        List<Class<?>> causes = topLevelTypes().stream()
                .filter(c -> VoxworksException.class.isAssignableFrom(c) && c != VoxworksException.class).toList();

        assertThat(causes).hasSize(7);
        for (Class<?> type : Stream.concat(causes.stream(), Stream.of(VoxworksException.class)).toList()) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                assertThat(Modifier.isPublic(constructor.getModifiers()) || Modifier.isProtected(constructor.getModifiers()))
                        .as(constructor.toString()).isFalse();
            }
        }
        assertThat(causes).allSatisfy(c -> assertThat(Modifier.isFinal(c.getModifiers())).as(c.getName()).isTrue());
    }
}
