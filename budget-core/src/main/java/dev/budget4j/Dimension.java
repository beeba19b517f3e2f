package dev.budget4j;

import dev.budget4j.internal.BudgetText;
import dev.budget4j.internal.util.Require;

/**
 * One measurable side of a stage's performance: a latency percentile, max latency, throughput,
 * error rate, allocation per call, peak RSS, RSS growth or cache hit rate.
 *
 * @param kind what is measured
 * @param percentile for {@link Kind#PERCENTILE}, the percentile in (0, 100]; otherwise NaN
 */
public record Dimension(Kind kind, double percentile) {

    /** What a dimension measures, and in which unit its limits are written. */
    public enum Kind {
        /** A latency percentile, in nanoseconds; upper bound. */
        PERCENTILE("p", true),
        /**
         * The slowest call's latency, in nanoseconds; upper bound. One name throughout: this kind,
         * {@link Dimension#MAX}, {@code max} in budget text, {@link Budget.Builder#max(java.time.Duration)}.
         */
        MAX("max", true),
        /** Calls per second over the recording window; lower bound. */
        THROUGHPUT("throughput", false),
        /** Failed calls / all calls, a fraction in [0, 1]; upper bound. */
        ERROR_RATE("errors", true),
        /** Mean bytes allocated by the calling thread per call; upper bound. */
        ALLOCATION("alloc", true),
        /** Peak resident set size of the process, in bytes; upper bound. Needs a memory probe. */
        RSS("rss", true),
        /** Peak RSS minus RSS at the start of the window, in bytes; upper bound. Needs a probe. */
        RSS_GROWTH("rssGrowth", true),
        /** Memo hits / lookups, a fraction in [0, 1]; lower bound. Needs a memoized stage. */
        CACHE_HIT_RATE("cacheHitRate", false);

        private final String token;
        private final boolean upperBound;

        Kind(String token, boolean upperBound) {
            this.token = token;
            this.upperBound = upperBound;
        }

        /** {@return true when observed values must stay at or below the limit ({@code <=})} */
        public boolean upperBound() {
            return upperBound;
        }

        String token() {
            return token;
        }
    }

    /** The slowest call's latency ({@code max} in budget text). */
    public static final Dimension MAX = new Dimension(Kind.MAX, Double.NaN);
    /** Throughput in calls per second. */
    public static final Dimension THROUGHPUT = new Dimension(Kind.THROUGHPUT, Double.NaN);
    /** Error rate as a fraction. */
    public static final Dimension ERRORS = new Dimension(Kind.ERROR_RATE, Double.NaN);
    /** Mean bytes allocated per call. */
    public static final Dimension ALLOCATION = new Dimension(Kind.ALLOCATION, Double.NaN);
    /** Peak RSS in bytes. */
    public static final Dimension RSS = new Dimension(Kind.RSS, Double.NaN);
    /** RSS growth in bytes. */
    public static final Dimension RSS_GROWTH = new Dimension(Kind.RSS_GROWTH, Double.NaN);
    /** Memo hit rate as a fraction. */
    public static final Dimension CACHE_HIT_RATE = new Dimension(Kind.CACHE_HIT_RATE, Double.NaN);

    /**
     * Validates the components.
     *
     * @param kind what is measured, not null
     * @param percentile in (0, 100] for a percentile, NaN otherwise
     */
    public Dimension {
        Require.notNull(kind, "kind");
        if (kind == Kind.PERCENTILE) {
            Require.that(percentile > 0 && percentile <= 100, "percentile", "must be in (0, 100]", percentile);
        } else {
            Require.that(Double.isNaN(percentile), "percentile", "must be NaN for " + kind, percentile);
        }
    }

    /**
     * A latency percentile.
     *
     * @param percentile in (0, 100], e.g. 99.9
     * @return the dimension
     */
    public static Dimension percentile(double percentile) {
        return new Dimension(Kind.PERCENTILE, percentile);
    }

    /** {@return true when this is a latency dimension (a percentile or max), in nanoseconds} */
    public boolean isLatency() {
        return kind == Kind.PERCENTILE || kind == Kind.MAX;
    }

    /**
     * The dimension's name as written in budget text: {@code p99}, {@code p99.9}, {@code max},
     * {@code throughput}, {@code errors}, {@code alloc}, {@code rss}, {@code rssGrowth},
     * {@code cacheHitRate}.
     *
     * @return the name
     */
    public String label() {
        return kind == Kind.PERCENTILE ? "p" + BudgetText.plain(percentile) : kind.token();
    }

    /**
     * Finds a dimension by its {@link #label()}.
     *
     * @param label a label such as {@code p99} or {@code alloc}
     * @return the dimension
     * @throws IllegalArgumentException naming the label when it is unknown
     */
    public static Dimension ofLabel(String label) {
        return BudgetText.dimension(Require.notNull(label, "label"));
    }

    @Override
    public String toString() {
        return label();
    }
}
