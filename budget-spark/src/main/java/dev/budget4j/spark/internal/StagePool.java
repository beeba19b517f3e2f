package dev.budget4j.spark.internal;

import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The idle recorders of one stage configuration in one JVM. A task checks one out at its first
 * call and returns it when it ends, so the pool grows to the largest number of tasks that ran the
 * stage at the same time (at most the executor's task slots) and no further: memory grows with
 * stages and task slots, not with the number of tasks or threads ever seen.
 */
final class StagePool {
    private final StageConfig config;
    private final ConcurrentLinkedDeque<PooledStage> idle = new ConcurrentLinkedDeque<>();

    StagePool(StageConfig config) {
        this.config = config;
    }

    /** {@return an idle recorder, or a new one when all are in use} */
    PooledStage checkout() {
        PooledStage s = idle.pollFirst();
        return s != null ? s : new PooledStage(this, config);
    }

    void release(PooledStage s) {
        idle.addFirst(s);
    }

    /** {@return how many recorders are idle (for tests)} */
    int idleCount() {
        return idle.size();
    }
}
