package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.budget4j.spi.MemoryProbe;
import dev.budget4j.spi.RssWindow;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A probe written before {@link MemoryProbe#peakRssBytes()} existed still compiles and reports no peak. */
class MemoryProbeDefaultsTest {

    @Test
    void aProbeWithoutTheOperatingSystemsPeakSaysItCannotTell() {
        MemoryProbe sampled = new MemoryProbe() {
            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public long currentRssBytes() {
                return 1_000;
            }

            @Override
            public RssWindow openWindow() {
                throw new UnsupportedOperationException("not needed here");
            }
        };
        assertEquals(OptionalLong.empty(), sampled.peakRssBytes());
    }
}
