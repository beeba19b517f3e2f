package dev.budget4j.micrometer.internal;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import dev.budget4j.Limit;
import dev.budget4j.micrometer.MeterNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.TreeSet;

/**
 * The latency timer of a stage, shaped by its budget: the budget's percentiles published, each
 * latency limit a service-level objective (a histogram bucket boundary), plus one guard boundary at
 * twice the largest limit.
 *
 * <p>Why the guard: Prometheus' {@code histogram_quantile} returns the second-highest bucket bound
 * when the quantile falls into {@code +Inf}. With a limit as the highest finite bound, a quantile
 * far above the limit would read as exactly the limit, and {@code > limit} would never fire. With
 * the guard above every limit, a quantile beyond a limit always reads above it.
 */
public final class LatencyTimer {
    /** Percentile histogram buckets start no higher than this (Micrometer's own default minimum). */
    static final Duration HIGHEST_MINIMUM = Duration.ofMillis(1);
    /** ... and no lower than this, to keep the number of buckets (series) moderate. */
    static final Duration LOWEST_MINIMUM = Duration.ofNanos(1_000);
    /** Buckets end no lower than this (Micrometer's own default maximum). */
    static final Duration LOWEST_MAXIMUM = Duration.ofSeconds(30);

    private LatencyTimer() {
    }

    /**
     * How the timer is built.
     *
     * @param percentiles whether to publish the budget's percentiles
     * @param percentileHistogram whether to publish the percentile histogram
     * @param minimum lowest percentile-histogram bucket, or null for the default derived from the budget
     * @param maximum highest percentile-histogram bucket, or null for the default derived from the budget
     */
    public record Shape(boolean percentiles, boolean percentileHistogram, Duration minimum, Duration maximum) {
    }

    /** Registers the timer. */
    public static Timer register(MeterRegistry registry, MeterNames names, String stage, Budget budget, Shape shape) {
        Timer.Builder builder = Timer.builder(names.latency())
                .description("Latency of each call of the stage, failed calls included, as budget4j recorded it"
                        + " (3 significant digits)")
                .tag(MeterNames.STAGE_TAG, stage)
                .serviceLevelObjectives(objectives(budget))
                .publishPercentileHistogram(shape.percentileHistogram());
        if (shape.percentiles()) {
            builder.publishPercentiles(percentiles(budget));
        }
        long smallest = latencyLimitNanos(budget, true);
        if (shape.minimum() != null) {
            builder.minimumExpectedValue(shape.minimum());
        } else if (smallest > 0) {
            builder.minimumExpectedValue(defaultMinimum(smallest));
        }
        if (shape.maximum() != null) {
            builder.maximumExpectedValue(shape.maximum());
        } else if (smallest > 0) {
            builder.maximumExpectedValue(defaultMaximum(latencyLimitNanos(budget, false)));
        }
        return builder.register(registry);
    }

    /** The budget's percentile dimensions as quantiles in [0, 1], in the budget's order. */
    public static double[] percentiles(Budget budget) {
        return budget.limits().stream()
                .filter(l -> l.dimension().kind() == Dimension.Kind.PERCENTILE)
                .mapToDouble(l -> Double.parseDouble(Units.quantile(l.dimension().percentile())))
                .toArray();
    }

    /** Every latency limit, and the guard at twice the largest, ascending; empty without latency limits. */
    public static Duration[] objectives(Budget budget) {
        TreeSet<Long> nanos = new TreeSet<>();
        for (Limit l : budget.limits()) {
            if (l.dimension().isLatency()) {
                nanos.add((long) l.value());
            }
        }
        if (!nanos.isEmpty()) {
            nanos.add(2 * nanos.last());
        }
        return nanos.stream().map(Duration::ofNanos).toArray(Duration[]::new);
    }

    /** A tenth of the smallest latency limit, within [1 us, 1 ms]. */
    static Duration defaultMinimum(long smallestLimitNanos) {
        long tenth = Math.max(smallestLimitNanos / 10, LOWEST_MINIMUM.toNanos());
        return Duration.ofNanos(Math.min(tenth, HIGHEST_MINIMUM.toNanos()));
    }

    /** Ten times the largest latency limit, at least 30 s. */
    static Duration defaultMaximum(long largestLimitNanos) {
        return Duration.ofNanos(Math.max(largestLimitNanos * 10, LOWEST_MAXIMUM.toNanos()));
    }

    private static long latencyLimitNanos(Budget budget, boolean smallest) {
        return budget.limits().stream()
                .filter(l -> l.dimension().isLatency())
                .mapToLong(l -> (long) l.value())
                .reduce((a, b) -> smallest ? Math.min(a, b) : Math.max(a, b))
                .orElse(0);
    }
}
