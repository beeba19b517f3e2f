package dev.budget4j;

/**
 * A stage wrapped by {@link Budgets#budgetedStage}: it returns and throws exactly what the wrapped
 * stage does, and records each call against its budget.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public interface BudgetedStage<I, O> extends Stage<I, O> {

    /** {@return the budget in force (an override, when one was set)} */
    Budget budget();

    /** {@return the enforcement mode} */
    Enforcement enforcement();

    /** {@return figures since the stage was built} */
    StageSnapshot snapshot();

    /**
     * Figures since the previous call of this method (or since the stage was built), like
     * HdrHistogram's {@code Recorder#getIntervalHistogram}: each call starts a new interval.
     * Independent of {@link #snapshot()} and of the enforcement windows.
     *
     * @return figures of the interval
     */
    StageSnapshot intervalSnapshot();

    /**
     * Checks every dimension of the budget against {@link #snapshot()}.
     *
     * @return the verdict; {@link Outcome#INCONCLUSIVE} when data is too thin, never a silent pass
     */
    Verdict verdict();

    /**
     * This stage's figures and verdict, with a child for each budgeted stage inside it (the parts
     * of a pipeline built with {@link #andThen}).
     *
     * @return the report tree
     */
    StageReport report();
}
