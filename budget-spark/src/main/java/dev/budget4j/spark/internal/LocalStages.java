package dev.budget4j.spark.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The recorders of this JVM (an executor, or the driver in local mode): one pool per stage
 * configuration, built lazily on the first call a task makes, kept for the life of the JVM.
 */
public final class LocalStages {
    private static final ConcurrentMap<StageConfig, StagePool> POOLS = new ConcurrentHashMap<>();

    private LocalStages() {
    }

    /** {@return the pool of {@code config}, created on first use} */
    static StagePool pool(StageConfig config) {
        return POOLS.computeIfAbsent(config, StagePool::new);
    }

    /**
     * Idle recorders of one configuration in this JVM.
     *
     * @param config the configuration
     * @return how many recorders wait for a task; 0 when the stage never ran here
     */
    public static int idleRecorders(StageConfig config) {
        StagePool p = POOLS.get(config);
        return p == null ? 0 : p.idleCount();
    }
}
