package dev.budget4j.profile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A baseline or history file that cannot be read: truncated, not JSON, an unknown schema version,
 * or a field missing or of the wrong type. The message names the file and the problem.
 */
public final class BaselineFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    /** What is wrong with the file. */
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param file the file that was read
     * @param problem what is wrong with it
     */
    public BaselineFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** {@return the file that was read} */
    public Path file() {
        return file;
    }

    /** {@return what is wrong, without the file name} */
    public String problem() {
        return problem;
    }
}
