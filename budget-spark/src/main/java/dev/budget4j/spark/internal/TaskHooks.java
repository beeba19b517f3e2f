package dev.budget4j.spark.internal;

import java.io.Serializable;

/**
 * What the executor side needs from the engine: which task the calling thread runs, and a hook at
 * the end of that task. Spark's is {@link SparkTaskHooks}; the benchmarks and unit tests use their
 * own, so the per-call path can be measured without a cluster.
 */
public interface TaskHooks extends Serializable {

    /**
     * {@return the task the calling thread runs (compared by identity), or null outside any task}
     */
    Object currentTask();

    /**
     * Runs {@code action} once when {@code task} ends, successfully or not.
     *
     * @param task what {@link #currentTask()} returned, not null
     * @param action the action
     * @return false, without registering, when the task has already ended
     */
    boolean onTaskEnd(Object task, Runnable action);
}
