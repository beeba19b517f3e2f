package dev.budget4j;

import java.time.Duration;

/** Thrown by {@link Stages#withTimeout} when a call misses its deadline; the call was cancelled. */
public final class StageTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The name of the stage whose call timed out. */
    private final String stage;
    /** The deadline the call missed. */
    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param stage the stage name
     * @param timeout the deadline that was missed
     */
    public StageTimeoutException(String stage, Duration timeout) {
        super("stage '" + stage + "' did not finish within " + timeout.toMillis() + " ms; the call was cancelled");
        this.stage = stage;
        this.timeout = timeout;
    }

    /** {@return the stage name} */
    public String stage() {
        return stage;
    }

    /** {@return the deadline that was missed} */
    public Duration timeout() {
        return timeout;
    }
}
