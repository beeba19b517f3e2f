package dev.budget4j.spark.internal;

import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Spark's task hooks: {@link TaskContext#get()} (a thread-local read) and
 * {@link TaskContext#addTaskCompletionListener}. Completion listeners run inside the task, before
 * the executor collects the task's accumulator updates, so what a listener adds to an accumulator
 * travels with the task's result, once.
 */
public final class SparkTaskHooks implements TaskHooks {
    private static final long serialVersionUID = 1L;

    /** The one instance. */
    public static final SparkTaskHooks INSTANCE = new SparkTaskHooks();

    private SparkTaskHooks() {
    }

    @Override
    public Object currentTask() {
        return TaskContext.get();
    }

    @Override
    public boolean onTaskEnd(Object task, Runnable action) {
        TaskContext context = (TaskContext) task;
        if (context.isCompleted()) {
            return false;
        }
        TaskCompletionListener listener = c -> action.run();
        context.addTaskCompletionListener(listener);
        return true;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
