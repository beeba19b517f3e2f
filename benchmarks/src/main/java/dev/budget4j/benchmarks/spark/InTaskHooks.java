package dev.budget4j.benchmarks.spark;

import dev.budget4j.spark.internal.TaskHooks;

/**
 * Task hooks that behave like Spark's on the per-call path: the current task is a thread-local
 * read, as {@code TaskContext.get()} is, and a thread is inside one task for the whole benchmark
 * (its end never comes, so the measured calls are those of one long task).
 */
final class InTaskHooks implements TaskHooks {
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<Object> TASK = new ThreadLocal<>();

    /** Puts the calling thread inside a task of its own. */
    static void enterTask() {
        TASK.set(new Object());
    }

    @Override
    public Object currentTask() {
        return TASK.get();
    }

    @Override
    public boolean onTaskEnd(Object task, Runnable action) {
        return true;
    }
}
