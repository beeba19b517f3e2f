package dev.budget4j.profile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that budget4j cannot read (a baseline, a JMH result file, a run history or an interval
 * log): truncated, not JSON or not UTF-8, an unknown schema version, a field missing or of the
 * wrong type, or beyond a limit. The message names the file and the problem, and quotes at most
 * 40 characters of a bad value (120 of a stage or benchmark name), ending in an ellipsis.
 *
 * <p>Every file read is held to these limits, so that a corrupt or hostile file is refused rather
 * than exhausting the stack or the heap:
 * <ul>
 *   <li>at most 67,108,864 bytes (64 MiB), checked before reading and again while reading;
 *       a directory is refused too;</li>
 *   <li>JSON arrays and objects nested at most 64 levels deep;</li>
 *   <li>a JSON number of at most 100 characters, and a whole number within 64 bits;</li>
 *   <li>a JSON string of at most 4,194,304 characters (4 Mi), a member name (a stage's name in a
 *       baseline) of at most 10,000;</li>
 *   <li>at most 5,000,000 JSON tokens in a document, or in one line of a run history;</li>
 *   <li>histograms that take at most a quarter of the JVM's maximum heap ({@code -Xmx}), and at
 *       least 64 MiB, once decoded: a few dozen bytes of compressed histogram can decode to 50 MB;</li>
 *   <li>run histories and interval logs in UTF-8.</li>
 * </ul>
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
