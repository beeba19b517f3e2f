package dev.budget4j.spi;

import java.util.OptionalLong;

/**
 * Reads the process's resident set size (RSS) for the {@code rss} and {@code rssGrowth} budget
 * dimensions. Found with {@link java.util.ServiceLoader}; budget-core has none, the
 * {@code dev.budget4j:budget-profile} module provides one.
 *
 * <p>Reading RSS costs far more than a stage call (a fraction of a millisecond), so a probe never
 * reads on the caller's thread per call: {@link #openWindow()} starts tracking the peak in the
 * background.
 */
public interface MemoryProbe {

    /**
     * A short name for reports, for example {@code "oshi"}.
     *
     * @return the probe name
     */
    String name();

    /**
     * Reads the current RSS now, on the calling thread.
     *
     * @return resident set size in bytes, {@code >= 0}
     */
    long currentRssBytes();

    /**
     * Starts tracking the peak RSS from now on. The window must not be kept reachable by the
     * probe itself: a budgeted stage holds it, and when the stage becomes unreachable the probe
     * should stop sampling for it.
     *
     * @return an open window
     */
    RssWindow openWindow();

    /**
     * The process's peak RSS as the operating system keeps it (on Linux {@code VmHWM}): unlike a
     * window's sampled peak it cannot miss a short spike, but it covers the process's whole life,
     * start-up included. A probe that cannot read it keeps this default.
     *
     * @return bytes, {@code >= 0}; empty where the probe cannot tell (the default)
     */
    default OptionalLong peakRssBytes() {
        return OptionalLong.empty();
    }
}
