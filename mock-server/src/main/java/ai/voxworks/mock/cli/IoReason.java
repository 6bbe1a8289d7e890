package ai.voxworks.mock.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** An I/O failure in words, for the end of a one-line message that names the file: Java's file exceptions carry only the file name. */
final class IoReason {

    private IoReason() {
    }

    static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
