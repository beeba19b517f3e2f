package dev.budget4j.profile;

import dev.budget4j.profile.internal.Stats;

/**
 * One figure across the rounds of a run: median (for a percentile: the median of the per-round
 * medians), min, max, mean and sample standard deviation, in the figure's own unit.
 *
 * @param median the median across rounds
 * @param min the smallest round value
 * @param max the largest round value
 * @param mean the mean across rounds
 * @param stddev the sample standard deviation across rounds (0 for one round)
 * @param rounds how many rounds the figures rest on
 */
public record Summary(double median, double min, double max, double mean, double stddev, int rounds) {

    /**
     * Summarises per-round values; NaN values (not measured) are left out.
     *
     * @param values one value per round
     * @return the summary; all NaN with no measured value
     */
    public static Summary of(double[] values) {
        double[] measured = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        return new Summary(Stats.median(measured), Stats.min(measured), Stats.max(measured), Stats.mean(measured),
                Stats.stddev(measured), measured.length);
    }

    /** {@return stddev / mean, NaN when the mean is 0 or unmeasured} */
    public double coefficientOfVariation() {
        return mean == 0 ? Double.NaN : stddev / mean;
    }
}
