package dev.budget4j;

import dev.budget4j.internal.BudgetText;
import dev.budget4j.internal.Evaluator;
import dev.budget4j.internal.util.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A multi-dimensional performance budget: an immutable set of {@link Limit}s, at most one per
 * {@link Dimension}.
 *
 * <p>Written as text, one limit per whitespace-separated token:
 * <pre>{@code
 * Budget b = Budget.parse("p50<=2ms p99<=10ms max<=50ms throughput>=5000/s errors<=0.1% alloc<=1KiB");
 * }</pre>
 * Durations take {@code ns}, {@code us} (or {@code µs}), {@code ms} and {@code s}; sizes take
 * {@code B}, {@code KiB}, {@code MiB}, {@code GiB} (and decimal {@code KB}, {@code MB},
 * {@code GB}); error rates a percentage or a fraction; throughput {@code N/s}. Other tokens:
 * {@code rss<=512MiB}, {@code rssGrowth<=64MiB}, {@code cacheHitRate>=0.8}.
 * {@link #toString()} writes the same text back, and {@code parse(b.toString()).equals(b)}.
 *
 * <p>Or built in code: {@code Budget.builder().p99(Duration.ofMillis(10)).minThroughput(5000).build()}.
 */
public final class Budget {
    private final Map<Dimension, Limit> limits;

    private Budget(Map<Dimension, Limit> limits) {
        this.limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /**
     * Parses budget text.
     *
     * @param text the budget, e.g. {@code "p99<=10ms errors<=1%"}
     * @return the budget
     * @throws IllegalArgumentException naming the token and its position when the text does not
     *     parse, or naming the field and rule when a value is out of range
     */
    public static Budget parse(String text) {
        Builder builder = builder();
        for (Limit limit : BudgetText.parse(Require.notNull(text, "text"))) {
            builder.limit(limit);
        }
        return builder.build();
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the limits in the order they were given, immutable, never empty} */
    public List<Limit> limits() {
        return List.copyOf(limits.values());
    }

    /**
     * The limit on one dimension.
     *
     * @param dimension the dimension
     * @return the limit, or empty when this budget does not bound that dimension
     */
    public Optional<Limit> limit(Dimension dimension) {
        return Optional.ofNullable(limits.get(dimension));
    }

    /** {@return true when a limit needs a {@link dev.budget4j.spi.MemoryProbe} (rss, rssGrowth)} */
    public boolean needsMemoryProbe() {
        return limits.containsKey(Dimension.RSS) || limits.containsKey(Dimension.RSS_GROWTH);
    }

    /**
     * Checks every limit against a snapshot. Percentiles need enough samples to be meaningful:
     * {@code p} needs at least {@code ceil(100 / (100 - p))} calls (p50: 2, p99: 100, p99.9: 1000;
     * p100 and max: 1); with fewer the check is {@link Outcome#INCONCLUSIVE}, never a pass.
     *
     * @param snapshot the figures to check
     * @return the verdict, with one check per limit
     */
    public Verdict evaluate(StageSnapshot snapshot) {
        return Evaluator.evaluate(this, Require.notNull(snapshot, "snapshot"), null);
    }

    /**
     * Returns a copy of this budget with some limits replaced or added.
     *
     * @param other limits that win over this budget's
     * @return the merged budget
     */
    public Budget with(Budget other) {
        Map<Dimension, Limit> merged = new LinkedHashMap<>(limits);
        merged.putAll(Require.notNull(other, "other").limits);
        return new Budget(merged);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Budget && ((Budget) o).limits.equals(limits);
    }

    @Override
    public int hashCode() {
        return limits.hashCode();
    }

    /** {@return the budget as text that {@link #parse(String)} reads back to an equal budget} */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(limits.size());
        limits.values().forEach(l -> parts.add(l.toString()));
        return String.join(" ", parts);
    }

    /**
     * Builds a {@link Budget}. Each dimension may be set once; {@link #build()} copies, so a
     * builder can go on being used.
     */
    public static final class Builder {
        private final Map<Dimension, Limit> limits = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a limit.
         *
         * @param limit the limit, not null
         * @return this builder
         * @throws IllegalArgumentException if the dimension already has a limit
         */
        public Builder limit(Limit limit) {
            Require.notNull(limit, "limit");
            Limit previous = limits.putIfAbsent(limit.dimension(), limit);
            if (previous != null) {
                throw new IllegalArgumentException("dimension " + limit.dimension().label()
                        + " must be set once, but was already set to " + previous + " (then " + limit + ")");
            }
            return this;
        }

        /**
         * Bounds a latency percentile.
         *
         * @param percentile in (0, 100]
         * @param atMost the bound, &gt; 0
         * @return this builder
         */
        public Builder percentile(double percentile, Duration atMost) {
            return limit(new Limit(Dimension.percentile(percentile), nanos(atMost, "p" + percentile)));
        }

        /**
         * Bounds the median latency ({@code p50}).
         *
         * @param atMost median latency bound, &gt; 0
         * @return this builder
         */
        public Builder p50(Duration atMost) {
            return percentile(50, atMost);
        }

        /**
         * Bounds the 90th percentile latency ({@code p90}).
         *
         * @param atMost 90th percentile latency bound, &gt; 0
         * @return this builder
         */
        public Builder p90(Duration atMost) {
            return percentile(90, atMost);
        }

        /**
         * Bounds the 95th percentile latency ({@code p95}).
         *
         * @param atMost 95th percentile latency bound, &gt; 0
         * @return this builder
         */
        public Builder p95(Duration atMost) {
            return percentile(95, atMost);
        }

        /**
         * Bounds the 99th percentile latency ({@code p99}).
         *
         * @param atMost 99th percentile latency bound, &gt; 0
         * @return this builder
         */
        public Builder p99(Duration atMost) {
            return percentile(99, atMost);
        }

        /**
         * Bounds the 99.9th percentile latency ({@code p999}).
         *
         * @param atMost 99.9th percentile latency bound, &gt; 0
         * @return this builder
         */
        public Builder p999(Duration atMost) {
            return percentile(99.9, atMost);
        }

        /**
         * Bounds the latency of the slowest call ({@code max}).
         *
         * @param atMost bound on the slowest call, &gt; 0
         * @return this builder
         */
        public Builder max(Duration atMost) {
            return limit(new Limit(Dimension.MAX, nanos(atMost, "max")));
        }

        /**
         * Sets the lowest acceptable throughput, in calls per second ({@code throughput}).
         *
         * @param callsPerSecond lower bound on throughput, finite and &gt; 0
         * @return this builder
         */
        public Builder minThroughput(double callsPerSecond) {
            return limit(new Limit(Dimension.THROUGHPUT, callsPerSecond));
        }

        /**
         * Bounds the share of calls that throw ({@code errors}).
         *
         * @param fraction bound on failed calls / calls, in [0, 1]
         * @return this builder
         */
        public Builder maxErrorRate(double fraction) {
            return limit(new Limit(Dimension.ERRORS, fraction));
        }

        /**
         * Bounds the mean bytes allocated per call by the calling thread ({@code alloc}).
         *
         * @param bytes bound on mean bytes allocated per call, &gt;= 0
         * @return this builder
         */
        public Builder maxAllocationPerCall(long bytes) {
            return limit(new Limit(Dimension.ALLOCATION, bytes));
        }

        /**
         * Bounds the peak resident set size of the process, in bytes ({@code rss}); needs a
         * {@link dev.budget4j.spi.MemoryProbe}.
         *
         * @param bytes bound on peak process RSS, &gt; 0
         * @return this builder
         */
        public Builder maxRss(long bytes) {
            return limit(new Limit(Dimension.RSS, bytes));
        }

        /**
         * Bounds how much the resident set size may grow over a window, in bytes ({@code rssGrowth});
         * needs a {@link dev.budget4j.spi.MemoryProbe}.
         *
         * @param bytes bound on RSS growth over the window, &gt;= 0
         * @return this builder
         */
        public Builder maxRssGrowth(long bytes) {
            return limit(new Limit(Dimension.RSS_GROWTH, bytes));
        }

        /**
         * Sets the lowest acceptable share of memo lookups that hit ({@code cacheHitRate}).
         *
         * @param fraction lower bound on memo hits / lookups, in [0, 1]
         * @return this builder
         */
        public Builder minCacheHitRate(double fraction) {
            return limit(new Limit(Dimension.CACHE_HIT_RATE, fraction));
        }

        /**
         * Builds the budget.
         *
         * @return a new immutable budget
         * @throws IllegalArgumentException when no limit was given
         */
        public Budget build() {
            if (limits.isEmpty()) {
                throw new IllegalArgumentException("budget must have at least one dimension, but had none");
            }
            return new Budget(limits);
        }

        private static double nanos(Duration duration, String field) {
            Require.notNull(duration, field);
            Require.that(!duration.isNegative() && !duration.isZero(), field, "must be > 0 ns", duration);
            return duration.toNanos();
        }
    }
}
