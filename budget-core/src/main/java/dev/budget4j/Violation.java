package dev.budget4j;

import dev.budget4j.internal.BudgetText;

/**
 * A dimension of a stage's budget that was missed.
 *
 * @param stage the stage name
 * @param limit the limit missed
 * @param observed the measured value, in the dimension's unit
 * @param samples how many calls the observation rests on
 */
public record Violation(String stage, Limit limit, double observed, long samples) {

    /** {@return the dimension missed} */
    public Dimension dimension() {
        return limit.dimension();
    }

    /** {@return e.g. {@code stage 'embed': p99 was 12.3ms, budget p99<=10ms (1000 samples)}} */
    @Override
    public String toString() {
        return "stage '" + stage + "': " + limit.dimension().label() + " was "
                + BudgetText.display(limit.dimension().kind(), observed) + ", budget " + limit
                + " (" + samples + " samples)";
    }
}
