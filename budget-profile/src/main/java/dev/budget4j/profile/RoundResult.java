package dev.budget4j.profile;

import dev.budget4j.Dimension;
import dev.budget4j.internal.util.Require;
import org.HdrHistogram.Histogram;

/**
 * The figures of one measurement round.
 *
 * @param round the round number, from 0
 * @param latency latencies of every measured call in nanoseconds (a copy is handed out by
 *     {@link #histogram()})
 * @param failures calls that threw
 * @param elapsedNanos wall time of the round in nanoseconds, harness overhead included
 * @param allocatedBytes bytes allocated by the calling thread inside the calls, or {@code -1}
 *     when not measured
 * @param peakRssBytes peak process RSS during the round in bytes, or {@code -1} without a probe
 * @param startRssBytes process RSS at the round's start in bytes, or {@code -1} without a probe
 */
public record RoundResult(int round, Histogram latency, long failures, long elapsedNanos, long allocatedBytes,
        long peakRssBytes, long startRssBytes) {

    /**
     * Validates and copies.
     *
     * @param round see the record description
     * @param latency see the record description
     * @param failures see the record description
     * @param elapsedNanos see the record description
     * @param allocatedBytes see the record description
     * @param peakRssBytes see the record description
     * @param startRssBytes see the record description
     */
    public RoundResult {
        Require.atLeast(round, 0, "round");
        latency = Require.notNull(latency, "latency").copy();
        Require.that(failures >= 0 && failures <= latency.getTotalCount(), "failures", "must be in [0, calls]", failures);
        Require.atLeast(elapsedNanos, 0, "elapsedNanos");
    }

    /** {@return a copy of the latency histogram, nanoseconds} */
    public Histogram histogram() {
        return latency.copy();
    }

    /** {@return calls measured in this round} */
    public long calls() {
        return latency.getTotalCount();
    }

    /**
     * A latency percentile of this round.
     *
     * @param percentile in (0, 100]
     * @return nanoseconds
     */
    public long percentileNanos(double percentile) {
        Require.that(percentile > 0 && percentile <= 100, "percentile", "must be in (0, 100]", percentile);
        return latency.getValueAtPercentile(percentile);
    }

    /** {@return calls per second over the round's wall time, NaN when no time elapsed} */
    public double throughputPerSecond() {
        return elapsedNanos == 0 ? Double.NaN : calls() * 1e9 / elapsedNanos;
    }

    /** {@return mean bytes allocated per call, NaN when not measured} */
    public double allocatedBytesPerCall() {
        return allocatedBytes < 0 || calls() == 0 ? Double.NaN : (double) allocatedBytes / calls();
    }

    /**
     * This round's value of a dimension, in the dimension's unit.
     *
     * @param dimension a percentile, max, throughput, errors, alloc, rss or rssGrowth
     * @return the value, NaN when not measured
     * @throws IllegalArgumentException for a dimension a harness does not measure (cacheHitRate)
     */
    public double value(Dimension dimension) {
        Require.notNull(dimension, "dimension");
        switch (dimension.kind()) {
            case PERCENTILE:
                return calls() == 0 ? Double.NaN : latency.getValueAtPercentile(dimension.percentile());
            case MAX_LATENCY:
                return calls() == 0 ? Double.NaN : latency.getMaxValue();
            case THROUGHPUT:
                return throughputPerSecond();
            case ERROR_RATE:
                return calls() == 0 ? Double.NaN : (double) failures / calls();
            case ALLOCATION:
                return allocatedBytesPerCall();
            case RSS:
                return peakRssBytes < 0 ? Double.NaN : peakRssBytes;
            case RSS_GROWTH:
                return peakRssBytes < 0 ? Double.NaN : Math.max(0, peakRssBytes - startRssBytes);
            default:
                throw new IllegalArgumentException("dimension must be measurable by the harness, but was " + dimension);
        }
    }
}
