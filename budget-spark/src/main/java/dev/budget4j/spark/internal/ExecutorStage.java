package dev.budget4j.spark.internal;

import dev.budget4j.BudgetedStage;
import dev.budget4j.Recording;
import dev.budget4j.internal.util.Require;
import java.io.Serializable;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The executor side of a Spark stage: the per-call path. Spark deserializes a task's functions
 * once per task, so each task has its own copy of this object; on the copy's first call in a task
 * it checks a recorder out of this JVM's pool for the stage and registers one hook at the task's
 * end, which takes the recorder's interval (exactly this task's calls), hands it to the sink and
 * returns the recorder. Every later call of the task costs one read of the current task, one
 * comparison and the budgeted call itself.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class ExecutorStage<I, O> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final StageConfig config;
    private final Function<? super I, ? extends O> function;
    private final RecordingSink sink;
    private final TaskHooks hooks;
    private transient Binding<I, O> binding;
    private transient Map<Object, Binding<I, O>> bound;

    /**
     * @param config the stage's configuration
     * @param function the user's function; must be serializable to travel to executors
     * @param sink where each task's recording goes
     * @param hooks the engine's task hooks
     */
    public ExecutorStage(StageConfig config, Function<? super I, ? extends O> function, RecordingSink sink, TaskHooks hooks) {
        this.config = Require.notNull(config, "config");
        this.function = Require.notNull(function, "function");
        this.sink = Require.notNull(sink, "sink");
        this.hooks = Require.notNull(hooks, "hooks");
    }

    /** {@return the configuration} */
    public StageConfig config() {
        return config;
    }

    /**
     * Calls the function through the current task's recorder.
     *
     * @param input the input
     * @return what the function returns; what it throws propagates
     */
    public O apply(I input) {
        Object task = hooks.currentTask();
        Binding<I, O> b = binding;
        if (b == null || b.task != task) {
            b = bind(task);
            if (b == null) {
                return applyAfterTaskEnd(input);
            }
        }
        return b.stage.apply(input);
    }

    /**
     * The slow path: the first call of a task, or a call from a task other than the last caller's
     * (only when one copy is shared by tasks, which Spark does not do). A task keeps its recorder
     * until it ends, however calls of several tasks interleave.
     */
    private synchronized Binding<I, O> bind(Object task) {
        Binding<I, O> b = binding;
        if (b != null && b.task == task) {
            return b;
        }
        if (bound == null) {
            bound = new IdentityHashMap<>(2);
        }
        b = bound.get(task);
        if (b == null) {
            PooledStage recorder = LocalStages.pool(config).checkout();
            b = new Binding<>(task, recorder, recorder.use(function));
            if (task == null) {
                sink.adopt(recorder);
            } else {
                Binding<I, O> ending = b;
                if (!hooks.onTaskEnd(task, () -> finish(ending))) {
                    recorder.release();
                    return null;
                }
            }
            bound.put(task, b);
        }
        binding = b;
        return b;
    }

    /** At the task's end: ship the task's calls once, free the recorder for the next task. */
    private void finish(Binding<I, O> b) {
        synchronized (this) {
            bound.remove(b.task);
            if (binding == b) {
                binding = null;
            }
        }
        Recording r = b.recorder.takeInterval();
        b.recorder.release();
        sink.add(r);
    }

    /** A call made while the task's end hooks run: record it alone and ship it at once. */
    private O applyAfterTaskEnd(I input) {
        PooledStage recorder = LocalStages.pool(config).checkout();
        try {
            return recorder.use(function).apply(input);
        } finally {
            Recording r = recorder.takeInterval();
            recorder.release();
            sink.add(r);
        }
    }

    @Override
    public String toString() {
        return "ExecutorStage[" + config + "]";
    }

    private static final class Binding<I, O> {
        final Object task;
        final PooledStage recorder;
        final BudgetedStage<I, O> stage;

        Binding(Object task, PooledStage recorder, BudgetedStage<I, O> stage) {
            this.task = task;
            this.recorder = recorder;
            this.stage = stage;
        }
    }
}
