package dev.budget4j.profile.internal;

import org.HdrHistogram.AbstractHistogram;

/**
 * The memory the histograms of one file may take once decoded. A compressed histogram of a few
 * dozen bytes can decode to megabytes (its header sets the range and precision), so a small file
 * of many stages or intervals could otherwise end the JVM with an OutOfMemoryError instead of a
 * message. One allowance is made per file read and charged with HdrHistogram's estimated
 * footprint of each histogram kept.
 */
public final class HistogramAllowance {
    /** Smallest allowance, in bytes (64 MiB), whatever the heap. */
    static final long MIN_BYTES = 64L << 20;

    private final long bytes;
    private long left;

    HistogramAllowance(long bytes) {
        this.bytes = bytes;
        this.left = bytes;
    }

    /**
     * The allowance for reading one file: a quarter of the JVM's maximum heap ({@code -Xmx}), at
     * least 64 MiB, so that the two files of a comparison fit together with room to compare them.
     *
     * @return a fresh allowance
     */
    public static HistogramAllowance forOneFile() {
        return new HistogramAllowance(Math.max(MIN_BYTES, Runtime.getRuntime().maxMemory() / 4));
    }

    /**
     * Takes a histogram's footprint from the allowance.
     *
     * @param histogram a histogram the read keeps
     * @param where what holds it, for the message, e.g. {@code stage 'sort'}
     * @param <H> the histogram's type
     * @return the histogram
     * @throws IllegalArgumentException when the file's histograms now need more than the allowance
     */
    public <H extends AbstractHistogram> H charge(H histogram, String where) {
        left -= histogram.getEstimatedFootprintInBytes();
        if (left < 0) {
            throw new IllegalArgumentException(where + ": the file's histograms need more than " + (bytes >> 20)
                    + " MiB of memory once decoded, a quarter of this JVM's maximum heap (a larger -Xmx reads it)");
        }
        return histogram;
    }
}
