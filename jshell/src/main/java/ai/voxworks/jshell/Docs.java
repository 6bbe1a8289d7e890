package ai.voxworks.jshell;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Javadoc on Tab for the toolkit's classes. JShell reads documentation only from the JDK's
 * {@code lib/src.zip} (its {@code SourceCodeAnalysisImpl.findSources()}); sources on the class path
 * are not searched. Its list has an override, a static field meant for the JDK's tests, which the
 * launcher sets to the JDK's sources plus the toolkit's (it passes {@code --add-opens
 * jdk.jshell/jdk.jshell=ALL-UNNAMED}). Should a JDK rename the field, Tab still works, without the
 * toolkit's Javadoc.
 */
final class Docs {

    private Docs() {
    }

    /**
     * Makes JShell look for Javadoc in {@code sources} (directories or source jars) besides the JDK's.
     *
     * @return whether JShell took the list
     */
    static boolean addSources(List<Path> sources) {
        List<Path> all = new ArrayList<>(jdkSources());
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                all.add(source);
            } else if (Files.isRegularFile(source)) {
                all.addAll(roots(source, false));
            }
        }
        try {
            Field override = Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("availableSourcesOverride");
            override.setAccessible(true);
            override.set(null, List.copyOf(all));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** What JShell itself would use: the module directories of {@code $JAVA_HOME/lib/src.zip}. */
    private static List<Path> jdkSources() {
        Path home = Path.of(System.getProperty("java.home"));
        for (Path zip : List.of(home.resolve("lib/src.zip"), home.resolveSibling("src.zip"))) {
            if (Files.isReadable(zip)) {
                return roots(zip, true);
            }
        }
        return List.of();
    }

    /** The source roots in a zip: the root itself, or one directory per module when {@code modular}. */
    private static List<Path> roots(Path zip, boolean modular) {
        try {
            FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of());
            Path root = fs.getRootDirectories().iterator().next();
            if (!modular || Files.exists(root.resolve("java/lang/Object.java"))) {
                return List.of(root);
            }
            List<Path> modules = new ArrayList<>();
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
                dirs.forEach(modules::add);
            }
            return modules;  // the zip stays open: JShell reads from it for the rest of the run
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
