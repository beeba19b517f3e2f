package dev.budget4j.profile.cli;

import dev.budget4j.profile.BaselineFormatException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file named by an option that cannot be read or written. The message is one line with the
 * option, the file and the reason, such as {@code --baseline: file not found: perf/base.json}.
 */
final class UnusableFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private UnusableFileException(String message, IOException cause) {
        super(message, cause);
    }

    /** A file that could not be read. */
    static UnusableFileException reading(String option, Path file, IOException cause) {
        String why;
        if (cause instanceof BaselineFormatException) {
            why = "bad baseline file " + cause.getMessage();
        } else if (cause instanceof NoSuchFileException) {
            why = "file not found: " + file;
        } else if (cause instanceof AccessDeniedException) {
            why = "permission denied: " + file;
        } else {
            why = "cannot read " + file + ": " + reason(file, cause);
        }
        return new UnusableFileException(option + ": " + why, cause);
    }

    /** A file that could not be written. */
    static UnusableFileException writing(String option, Path file, IOException cause) {
        return new UnusableFileException(option + ": cannot write " + file + ": " + reason(file, cause), cause);
    }

    /** Why, and the file it concerns when that is another one (a temporary file, a parent directory). */
    private static String reason(Path file, IOException e) {
        String why;
        String other = null;
        if (e instanceof FileSystemException f) {
            why = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "not found" : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            other = f.getFile() == null || f.getFile().equals(file.toString()) ? null : f.getFile();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
        }
        return other == null ? why : why + " (" + other + ")";
    }
}
