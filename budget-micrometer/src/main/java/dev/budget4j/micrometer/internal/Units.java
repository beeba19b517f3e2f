package dev.budget4j.micrometer.internal;

import dev.budget4j.Dimension;
import dev.budget4j.Limit;
import java.math.BigDecimal;

/**
 * Limits in the base units of metrics systems: seconds for latency (budget-core keeps nanoseconds),
 * calls per second for throughput, a fraction for error and hit rates, bytes for memory.
 */
public final class Units {
    private Units() {
    }

    /** The limit's value in base units: latency in seconds, everything else as budget-core has it. */
    public static double baseValue(Limit limit) {
        return limit.dimension().isLatency() ? limit.value() / 1e9 : limit.value();
    }

    /** The name of the base unit of a dimension, for descriptions. */
    public static String baseUnit(Dimension dimension) {
        switch (dimension.kind()) {
            case PERCENTILE:
            case MAX:
                return "seconds";
            case THROUGHPUT:
                return "calls per second";
            case ERROR_RATE:
            case CACHE_HIT_RATE:
                return "fraction";
            default:
                return "bytes";
        }
    }

    /**
     * The limit in base units as exact plain decimal text, no exponent: {@code p99<=5ms} gives
     * {@code 0.005}, {@code errors<=0.1%} gives {@code 0.001}, {@code alloc<=4KiB} gives {@code 4096}.
     */
    public static String plainBaseValue(Limit limit) {
        BigDecimal value = limit.dimension().isLatency()
                ? BigDecimal.valueOf((long) limit.value()).movePointLeft(9)
                : new BigDecimal(Double.toString(limit.value()));
        return plain(value);
    }

    /** A percentile as a quantile in plain text: 99.9 gives {@code 0.999}, 100 gives {@code 1}. */
    public static String quantile(double percentile) {
        return plain(new BigDecimal(Double.toString(percentile)).movePointLeft(2));
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
