package dev.budget4j.profile;

/**
 * One dimension of one stage, compared with the baseline.
 *
 * @param rule the rule applied
 * @param baseline the baseline's median across rounds, in the dimension's unit (NaN when absent)
 * @param current the current run's median across rounds (NaN when absent)
 * @param ratio current / baseline (NaN when either is absent)
 * @param ciLow the lower end of the ratio's confidence interval
 * @param ciHigh the upper end of the ratio's confidence interval
 * @param status the conclusion
 * @param note why it is inconclusive, or how it was decided; empty when plain
 */
public record DimensionComparison(RatioRule rule, double baseline, double current, double ratio, double ciLow,
        double ciHigh, GateStatus status, String note) {

    /**
     * How much of the allowed change is used: ratio / allowed for upper bounds, allowed / ratio
     * for lower bounds; above 1 means beyond the rule.
     *
     * @return the fraction used, NaN when not compared
     */
    public double budgetUsed() {
        if (Double.isNaN(ratio)) {
            return Double.NaN;
        }
        return rule.upperBound() ? ratio / rule.ratio() : (ratio == 0 ? Double.POSITIVE_INFINITY : rule.ratio() / ratio);
    }
}
