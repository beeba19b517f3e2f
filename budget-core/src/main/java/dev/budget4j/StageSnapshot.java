package dev.budget4j;

import dev.budget4j.internal.util.Require;
import java.util.Optional;
import java.util.OptionalLong;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * Immutable figures of a stage over a recording window: call and failure counts, the latency
 * histogram (failed calls included: budgets cover failure paths), throughput, allocation, and
 * where measured, peak RSS and memo statistics.
 *
 * <p>Latencies are in nanoseconds with HdrHistogram's 3 significant digits: a percentile is
 * exact to within 0.1%.
 */
public final class StageSnapshot {
    private final String stage;
    private final Histogram latency;
    private final long failures;
    private final long elapsedNanos;
    private final long allocatedBytes;
    private final long peakRssBytes;
    private final long rssGrowthBytes;
    private final CacheStats cacheStats;

    private StageSnapshot(Builder b) {
        this.stage = b.stage;
        this.latency = b.latency;
        this.failures = b.failures;
        this.elapsedNanos = b.elapsedNanos;
        this.allocatedBytes = b.allocatedBytes;
        this.peakRssBytes = b.peakRssBytes;
        this.rssGrowthBytes = b.rssGrowthBytes;
        this.cacheStats = b.cacheStats;
    }

    /**
     * Starts a snapshot from a latency histogram, which is copied.
     *
     * @param stage the stage name
     * @param latencyNanos latencies of all calls in nanoseconds, failed ones included
     * @return a builder
     */
    public static Builder builder(String stage, AbstractHistogram latencyNanos) {
        return new Builder(stage, latencyNanos);
    }

    /** {@return the stage name} */
    public String stage() {
        return stage;
    }

    /** {@return calls recorded, successful and failed} */
    public long calls() {
        return latency.getTotalCount();
    }

    /** {@return calls that returned normally} */
    public long successes() {
        return calls() - failures;
    }

    /** {@return calls that threw} */
    public long failures() {
        return failures;
    }

    /** {@return failures / calls in [0, 1], NaN with no calls} */
    public double errorRate() {
        long calls = calls();
        return calls == 0 ? Double.NaN : (double) failures / calls;
    }

    /**
     * A latency percentile.
     *
     * @param percentile in (0, 100]
     * @return nanoseconds, 0 with no calls
     */
    public long percentileNanos(double percentile) {
        Require.that(percentile > 0 && percentile <= 100, "percentile", "must be in (0, 100]", percentile);
        return latency.getValueAtPercentile(percentile);
    }

    /** {@return the slowest call in nanoseconds, 0 with no calls} */
    public long maxNanos() {
        return latency.getTotalCount() == 0 ? 0 : latency.getMaxValue();
    }

    /** {@return mean latency in nanoseconds, NaN with no calls} */
    public double meanNanos() {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getMean();
    }

    /** {@return wall time of the window in nanoseconds (first call's start to last call's end)} */
    public long elapsedNanos() {
        return elapsedNanos;
    }

    /** {@return calls per second over the window, NaN when no time elapsed} */
    public double throughputPerSecond() {
        return elapsedNanos <= 0 ? Double.NaN : calls() * 1e9 / elapsedNanos;
    }

    /** {@return bytes allocated by the calling threads across all calls, or empty when not tracked} */
    public OptionalLong allocatedBytes() {
        return allocatedBytes < 0 ? OptionalLong.empty() : OptionalLong.of(allocatedBytes);
    }

    /** {@return mean bytes allocated per call, NaN when not tracked or with no calls} */
    public double allocatedBytesPerCall() {
        return allocatedBytes < 0 || calls() == 0 ? Double.NaN : (double) allocatedBytes / calls();
    }

    /** {@return peak process RSS in bytes over the window, or empty without a memory probe} */
    public OptionalLong peakRssBytes() {
        return peakRssBytes < 0 ? OptionalLong.empty() : OptionalLong.of(peakRssBytes);
    }

    /** {@return peak RSS minus RSS at the window's start, or empty without a memory probe} */
    public OptionalLong rssGrowthBytes() {
        return rssGrowthBytes < 0 ? OptionalLong.empty() : OptionalLong.of(rssGrowthBytes);
    }

    /** {@return memo statistics when the stage is memoized} */
    public Optional<CacheStats> cacheStats() {
        return Optional.ofNullable(cacheStats);
    }

    /**
     * This snapshot's value of a dimension, in the dimension's unit: nanoseconds for latencies,
     * calls per second, a fraction in [0, 1] for error and hit rates, bytes per call for
     * allocation, bytes for RSS. Budgets, rounds, baselines and reports all read figures through
     * this one method.
     *
     * @param dimension the dimension, not null
     * @return the value, or NaN where it is not measured: no calls (for every call-based
     *     dimension), no elapsed time (throughput), allocation not tracked, no memory probe (RSS),
     *     or no memo lookups (cache hit rate)
     */
    public double value(Dimension dimension) {
        Require.notNull(dimension, "dimension");
        long calls = calls();
        switch (dimension.kind()) {
            case PERCENTILE:
                return calls == 0 ? Double.NaN : latency.getValueAtPercentile(dimension.percentile());
            case MAX:
                return calls == 0 ? Double.NaN : latency.getMaxValue();
            case THROUGHPUT:
                return calls == 0 ? Double.NaN : throughputPerSecond();
            case ERROR_RATE:
                return errorRate();
            case ALLOCATION:
                return allocatedBytesPerCall();
            case RSS:
                return peakRssBytes < 0 ? Double.NaN : peakRssBytes;
            case RSS_GROWTH:
                return rssGrowthBytes < 0 ? Double.NaN : rssGrowthBytes;
            case CACHE_HIT_RATE:
                return cacheStats == null || cacheStats.lookups() == 0 ? Double.NaN : cacheStats.hitRate();
            default:
                throw new AssertionError(dimension);
        }
    }

    /** {@return a copy of the latency histogram in nanoseconds; changing it changes nothing here} */
    public Histogram histogram() {
        return latency.copy();
    }

    @Override
    public String toString() {
        return "StageSnapshot[" + stage + ": calls=" + calls() + ", failures=" + failures
                + ", p50=" + percentileNanos(50) + "ns, p99=" + percentileNanos(99) + "ns, max=" + maxNanos()
                + "ns]";
    }

    /** Builds a {@link StageSnapshot}. */
    public static final class Builder {
        private final String stage;
        private final Histogram latency;
        private long failures;
        private long elapsedNanos;
        private long allocatedBytes = -1;
        private long peakRssBytes = -1;
        private long rssGrowthBytes = -1;
        private CacheStats cacheStats;

        private Builder(String stage, AbstractHistogram source) {
            this.stage = Require.notBlank(stage, "stage");
            Require.notNull(source, "latencyNanos");
            this.latency = new Histogram(source.getNumberOfSignificantValueDigits());
            this.latency.setAutoResize(true);
            this.latency.add(source);
        }

        /**
         * Sets how many of the calls threw.
         *
         * @param failures calls that threw, in [0, calls]
         * @return this builder
         */
        public Builder failures(long failures) {
            Require.that(failures >= 0 && failures <= latency.getTotalCount(), "failures",
                    "must be in [0, calls=" + latency.getTotalCount() + "]", failures);
            this.failures = failures;
            return this;
        }

        /**
         * Sets the wall time the snapshot covers.
         *
         * @param nanos wall time of the window, &gt;= 0 ns
         * @return this builder
         */
        public Builder elapsedNanos(long nanos) {
            this.elapsedNanos = Require.atLeast(nanos, 0, "elapsedNanos");
            return this;
        }

        /**
         * Sets the bytes the calls allocated, summed over all calls.
         *
         * @param bytes bytes allocated across all calls, &gt;= 0
         * @return this builder
         */
        public Builder allocatedBytes(long bytes) {
            this.allocatedBytes = Require.atLeast(bytes, 0, "allocatedBytes");
            return this;
        }

        /**
         * Sets the process memory the calls saw.
         *
         * @param peakBytes peak RSS in bytes, &gt;= 0
         * @param growthBytes peak minus start, &gt;= 0
         * @return this builder
         */
        public Builder rss(long peakBytes, long growthBytes) {
            this.peakRssBytes = Require.atLeast(peakBytes, 0, "peakBytes");
            this.rssGrowthBytes = Require.atLeast(growthBytes, 0, "growthBytes");
            return this;
        }

        /**
         * Sets the memo statistics of the stage.
         *
         * @param stats memo statistics, not null
         * @return this builder
         */
        public Builder cacheStats(CacheStats stats) {
            this.cacheStats = Require.notNull(stats, "stats");
            return this;
        }

        /** {@return the snapshot} */
        public StageSnapshot build() {
            return new StageSnapshot(this);
        }
    }
}
