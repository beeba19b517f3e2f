package dev.budget4j.spi;

/** The RSS seen over a time window, from a {@link MemoryProbe}. */
public interface RssWindow extends AutoCloseable {

    /**
     * RSS when the window opened.
     *
     * @return bytes, {@code >= 0}
     */
    long startRssBytes();

    /**
     * The highest RSS sampled since the window opened (including the start reading).
     *
     * @return bytes, {@code >= startRssBytes()}
     */
    long peakRssBytes();

    /** Stops tracking; later reads return the figures at closing. Idempotent. */
    @Override
    void close();
}
