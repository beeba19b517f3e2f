package dev.budget4j;

import dev.budget4j.internal.BudgetText;
import dev.budget4j.internal.util.Require;

/**
 * A bound on one {@link Dimension}: {@code p99 <= 10 ms}, {@code throughput >= 5000/s}.
 *
 * @param dimension what is bounded
 * @param value the bound in the dimension's unit: nanoseconds for latency, calls per second for
 *     throughput, a fraction for error and hit rates, bytes for allocation and RSS
 */
public record Limit(Dimension dimension, double value) {

    /**
     * Validates the bound against the dimension's rule.
     *
     * @param dimension not null
     * @param value see the record description
     */
    public Limit {
        Require.notNull(dimension, "dimension");
        BudgetText.validate(dimension, value);
    }

    /**
     * Whether an observed value keeps within this bound.
     *
     * @param observed the measured value, in the dimension's unit
     * @return true if within the limit (bounds are inclusive)
     */
    public boolean isMetBy(double observed) {
        return dimension.kind().upperBound() ? observed <= value : observed >= value;
    }

    /** {@return the limit as budget text, e.g. {@code p99<=10ms}} */
    @Override
    public String toString() {
        return BudgetText.format(this);
    }
}
