package ai.voxworks.mock.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code --ready-file}: the base URL, written once the server serves, so a script that waits for the
 * file waits for this server (a port answering may be another program's). Written whole or not at
 * all: a reader never sees half a URL.
 */
final class ReadyFile {

    private ReadyFile() {
    }

    static void write(Path file, String baseUrl) throws IOException {
        Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(partial, baseUrl + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Gone once the server is: a stale file never says a stopped server is ready. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Stopping goes on; the next start replaces the file.
        }
    }
}
