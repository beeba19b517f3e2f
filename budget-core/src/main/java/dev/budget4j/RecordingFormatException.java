package dev.budget4j;

/**
 * An encoded {@link Recording} that cannot be read: truncated, corrupt, of an unknown version, or
 * holding a histogram of another unit or precision. The message says what and at which byte.
 */
public final class RecordingFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and where
     */
    public RecordingFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong and where
     * @param cause the underlying failure
     */
    public RecordingFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
