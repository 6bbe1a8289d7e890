package ai.voxworks.integration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.client.VoxworksException;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The architecture rules of every module, in one place: the public API of each package is what its
 * package-info lists, internal packages stay in their module, the libraries bring neither a CLI
 * parser nor a logging binding, the client depends on nothing of ours, and one exception hierarchy.
 */
class ArchitectureTest {

    /** Each package users see, and the module whose sources hold its package-info.java. */
    static final Map<String, String> API_PACKAGES = Map.of(
            "ai.voxworks.client", "client",
            "ai.voxworks.mock", "mock",
            "ai.voxworks.mock.cli", "mock-server",
            "ai.voxworks.mock.junit5", "mock-junit5",
            "ai.voxworks.jshell", "jshell",
            "ai.voxworks.conformance", "conformance");

    /** The packages of the libraries other people's builds depend on. */
    static final String[] LIBRARIES = {"ai.voxworks.client..", "ai.voxworks.mock", "ai.voxworks.mock.internal..",
            "ai.voxworks.mock.junit5.."};

    /** The toolkit's main classes, from the modules' jars; not tests, not the mock's relocated JSON stack. */
    static final JavaClasses TOOLKIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/internal/shaded/"))
            .importPackages("ai.voxworks.client", "ai.voxworks.mock", "ai.voxworks.jshell", "ai.voxworks.conformance");

    static Set<String> packages() {
        return API_PACKAGES.keySet();
    }

    @ParameterizedTest
    @MethodSource("packages")
    void thePublicTypesOfAPackageAreTheOnesItsPackageInfoLists(String pkg) {
        Set<String> listed = listedIn(pkg);
        Set<String> isPublic = new TreeSet<>();
        for (JavaClass type : TOOLKIT) {
            if (type.getPackageName().equals(pkg) && type.isTopLevelClass()
                    && type.getModifiers().contains(JavaModifier.PUBLIC) && !type.getSimpleName().equals("package-info")) {
                isPublic.add(type.getSimpleName());
            }
        }

        assertThat(listed).as("the types %s/package-info.java lists", pkg).isNotEmpty();
        assertThat(isPublic).as("the public types of %s", pkg).isEqualTo(listed);
    }

    @Test
    void theMockLibrarysInternalsAreUsedByNoOtherModule() {
        noClasses().that().resideOutsideOfPackages("ai.voxworks.mock", "ai.voxworks.mock.internal..")
                .should().dependOnClassesThat().resideInAPackage("ai.voxworks.mock.internal..")
                .because("ai.voxworks.mock.internal is how the library is built, not API; the app and the other "
                        + "modules use ai.voxworks.mock")
                .check(TOOLKIT);
    }

    @Test
    void theClientDependsOnNothingOfOursAndOnJacksonsStreamingParserOnly() {
        classes().that().resideInAPackage("ai.voxworks.client..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("ai.voxworks.client..", "java..", "okhttp3..", "okio..",
                        "tools.jackson.core..", "org.greenbytes.http.sfv..", "kotlin..")
                .because("every module may depend on the client, and builds that pin jackson-annotations (Spring Boot 3) "
                        + "must run it: no databind")
                .check(TOOLKIT);
    }

    @Test
    void theLibrariesBringNoCommandLineParserAndNoLoggingBinding() {
        noClasses().that().resideInAnyPackage(LIBRARIES)
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.slf4j.simple..", "org.slf4j.impl..",
                        "ch.qos.logback..")
                .because("the application that embeds a library picks its logging; the command line is the app's")
                .check(TOOLKIT);
    }

    @Test
    void eachCauseOfFailureIsAFinalClassThatOnlyTheClientCreates() {
        classes().that().areAssignableTo(VoxworksException.class).and().doNotHaveFullyQualifiedName(VoxworksException.class.getName())
                .should().haveModifier(JavaModifier.FINAL)
                .check(TOOLKIT);
        constructors().that().areDeclaredInClassesThat().areAssignableTo(VoxworksException.class)
                .should(new ArchCondition<>("be package-private") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaConstructor constructor, ConditionEvents events) {
                        boolean open = constructor.getModifiers().contains(JavaModifier.PUBLIC)
                                || constructor.getModifiers().contains(JavaModifier.PROTECTED);
                        events.add(new SimpleConditionEvent(constructor, !open, constructor.getFullName() + " is "
                                + (open ? "public or protected" : "package-private")));
                    }
                })
                .check(TOOLKIT);
        assertThat(TOOLKIT.get(VoxworksException.class).getModifiers()).contains(JavaModifier.ABSTRACT);
    }

    /** The simple names {@code {@link pkg.Name}} names in the package's package-info.java. */
    private static Set<String> listedIn(String pkg) {
        Path root = Path.of(System.getProperty("voxworks.fixtures.dir")).getParent();
        Path info = root.resolve(API_PACKAGES.get(pkg)).resolve("src/main/java").resolve(pkg.replace('.', '/'))
                .resolve("package-info.java");
        Set<String> listed = new TreeSet<>();
        try {
            Matcher link = Pattern.compile("\\{@link " + Pattern.quote(pkg) + "\\.([A-Z]\\w*)[}.#]").matcher(Files.readString(info));
            while (link.find()) {
                listed.add(link.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return listed;
    }
}
