package dev.budget4j.spark.internal;

import java.util.ArrayList;
import java.util.List;

/** Task hooks for tests without Spark: a task is whatever object a thread is told it runs. */
final class FakeTasks implements TaskHooks {
    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<Task> CURRENT = new ThreadLocal<>();

    /** A fake task; {@link #end()} runs its end hooks once, like a task's completion. */
    static final class Task {
        private final List<Runnable> hooks = new ArrayList<>();
        private boolean ended;

        synchronized boolean register(Runnable r) {
            if (ended) {
                return false;
            }
            hooks.add(r);
            return true;
        }

        void end() {
            List<Runnable> run;
            synchronized (this) {
                ended = true;
                run = new ArrayList<>(hooks);
            }
            run.forEach(Runnable::run);
        }
    }

    static void run(Task task, Runnable body) {
        Task before = CURRENT.get();
        CURRENT.set(task);
        try {
            body.run();
        } finally {
            CURRENT.set(before);
        }
    }

    @Override
    public Object currentTask() {
        return CURRENT.get();
    }

    @Override
    public boolean onTaskEnd(Object task, Runnable action) {
        return ((Task) task).register(action);
    }
}
