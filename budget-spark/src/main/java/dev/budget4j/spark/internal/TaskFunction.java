package dev.budget4j.spark.internal;

import dev.budget4j.Stage;
import java.util.function.Function;

/**
 * The stage inside a pooled recorder: it calls the function of the task that has the recorder
 * checked out. Each task deserializes its own copy of the user's function, so the recorder, which
 * outlives tasks, is pointed at the current one on every checkout.
 */
final class TaskFunction implements Stage<Object, Object> {
    private final String name;
    private volatile Function<Object, Object> function;

    TaskFunction(String name) {
        this.name = name;
    }

    /**
     * Set by the checking-out thread before the task's first call; volatile, so other threads of
     * the task that reach the recorder through a racy read of the stage's cached binding see it.
     */
    @SuppressWarnings("unchecked")
    void use(Function<?, ?> f) {
        this.function = (Function<Object, Object>) f;
    }

    @Override
    public Object apply(Object input) {
        return function.apply(input);
    }

    @Override
    public String name() {
        return name;
    }
}
