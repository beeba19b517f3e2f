package dev.budget4j;

import dev.budget4j.internal.BudgetText;

/**
 * One dimension of a budget checked against measurements.
 *
 * @param limit the limit checked
 * @param observed the measured value in the dimension's unit, NaN when not measured
 * @param samples how many calls (or lookups, or RSS samples) the observation rests on
 * @param outcome met, violated or inconclusive
 * @param note why a check is inconclusive, empty otherwise
 */
public record Check(Limit limit, double observed, long samples, Outcome outcome, String note) {

    /** {@return the dimension checked} */
    public Dimension dimension() {
        return limit.dimension();
    }

    /** {@return the observed value for people, e.g. {@code 12.3ms}} */
    public String observedText() {
        return BudgetText.display(limit.dimension().kind(), observed);
    }

    /**
     * How much of the budget is used: observed / limit for upper bounds, limit / observed for
     * lower bounds; above 1 means violated.
     *
     * @return the fraction of the budget used, NaN when not measured
     */
    public double budgetUsed() {
        if (Double.isNaN(observed)) {
            return Double.NaN;
        }
        if (limit.dimension().kind().upperBound()) {
            return limit.value() == 0 ? (observed == 0 ? 0 : Double.POSITIVE_INFINITY) : observed / limit.value();
        }
        return observed == 0 ? Double.POSITIVE_INFINITY : limit.value() / observed;
    }
}
