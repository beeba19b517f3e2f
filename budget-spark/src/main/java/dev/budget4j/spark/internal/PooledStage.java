package dev.budget4j.spark.internal;

import dev.budget4j.BudgetedStage;
import dev.budget4j.Recording;
import java.util.function.Function;

/**
 * A budgeted stage that one task at a time records into: checked out of its {@link StagePool} at
 * the task's first call, its interval taken when the task ends, then returned. Between two
 * checkouts it holds no calls, so an interval is exactly one task's calls, whatever other tasks
 * run beside it in the same JVM.
 */
public final class PooledStage {
    private final StagePool pool;
    private final TaskFunction function;
    private final BudgetedStage<Object, Object> budgeted;

    PooledStage(StagePool pool, StageConfig config) {
        this.pool = pool;
        this.function = new TaskFunction(config.name());
        this.budgeted = config.build(function);
    }

    /**
     * Points the recorder at a task's function.
     *
     * @param f the task's copy of the user's function
     * @return the budgeted stage to call for this task
     */
    @SuppressWarnings("unchecked")
    <I, O> BudgetedStage<I, O> use(Function<? super I, ? extends O> f) {
        function.use(f);
        return (BudgetedStage<I, O>) (BudgetedStage<?, ?>) budgeted;
    }

    /** {@return the calls since the previous interval, i.e. those of the task that holds this recorder} */
    public Recording takeInterval() {
        return Recording.interval(budgeted);
    }

    /** Hands the recorder back for the next task; call after {@link #takeInterval()}. */
    void release() {
        function.use(null);
        pool.release(this);
    }
}
