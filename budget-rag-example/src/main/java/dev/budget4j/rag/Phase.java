package dev.budget4j.rag;

import dev.budget4j.spi.MemoryProbe;
import dev.budget4j.spi.RssWindow;

/**
 * The memory probe's RSS window around one phase of the run (ingest, the comparison, the
 * questions, the whole run); without a probe, no window and no figures.
 */
final class Phase implements AutoCloseable {
    private final RssWindow window;

    private Phase(RssWindow window) {
        this.window = window;
    }

    /** @param probe the probe, or null for none @return the phase, its window open */
    static Phase open(MemoryProbe probe) {
        return new Phase(probe == null ? null : probe.openWindow());
    }

    /** @return the window, or null without a probe */
    RssWindow window() {
        return window;
    }

    /** @return the peak RSS so far (at closing, once closed) in bytes, or -1 without a probe */
    long peakRssBytes() {
        return window == null ? -1 : window.peakRssBytes();
    }

    @Override
    public void close() {
        if (window != null) {
            window.close();
        }
    }
}
