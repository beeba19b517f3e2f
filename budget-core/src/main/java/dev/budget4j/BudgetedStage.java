package dev.budget4j;

/**
 * A stage wrapped by {@link Budgets#budgetedStage}: it records each call against its budget. In
 * {@link Enforcement#RECORD} and {@link Enforcement#LOG} modes it returns and throws exactly what
 * the wrapped stage does. In {@link Enforcement#THROW} mode a call that returns normally but misses
 * the budget throws {@link BudgetExceededException} instead of returning (the stage's result is
 * discarded); a call that throws still throws the stage's own exception.
 *
 * <p>A budgeted stage holds an open RSS window when its budget bounds {@code rss} or
 * {@code rssGrowth}; {@link #close()} releases it. Recording memory is bounded by the number of
 * processors and does not grow with the threads that call, so a stage that is never closed leaks
 * nothing but that window.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public interface BudgetedStage<I, O> extends Stage<I, O>, AutoCloseable {

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

    /**
     * Ends the stage's life: closes its RSS window (so the memory probe stops sampling for it),
     * then closes the budgeted stages inside it, the children of {@link #report()}; a budgeted
     * pipeline is closed as a whole. Idempotent.
     *
     * <p>After {@code close()} returns, new calls go straight to the wrapped stage: they return and
     * throw what it does, and are neither recorded nor checked. Calls already running when it is
     * called are still recorded. {@link #snapshot()}, {@link #verdict()} and {@link #report()} keep
     * working and show the calls recorded up to then, with the RSS figures as they were at closing.
     *
     * @throws RuntimeException the first failure to close the window or an inner stage, with any
     *     later ones suppressed; everything is closed regardless
     */
    @Override
    void close();
}
