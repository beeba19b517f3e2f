package dev.budget4j;

/**
 * A source of nanosecond time readings, injectable so that tests are deterministic.
 *
 * <p>Only differences between readings mean anything, as with {@link System#nanoTime()}.
 * Use {@link ManualTicker} in tests.
 */
@FunctionalInterface
public interface Ticker {

    /**
     * Reads the ticker.
     *
     * @return the current reading in nanoseconds, from an arbitrary origin
     */
    long nanoTime();

    /**
     * The system ticker, {@link System#nanoTime()}.
     *
     * @return the system ticker
     */
    static Ticker system() {
        return System::nanoTime;
    }
}
