package dev.budget4j.micrometer.internal;

import dev.budget4j.BudgetedStage;
import dev.budget4j.StageSnapshot;
import org.HdrHistogram.Histogram;

/**
 * Moves what a budgeted stage recorded since the previous refresh into its meters.
 *
 * <p>It reads {@link BudgetedStage#snapshot()}, the totals since the stage was built, and publishes
 * the difference to the totals it published before. It never calls
 * {@link BudgetedStage#intervalSnapshot()}: that interval belongs to the stage's user, and taking it
 * here would steal their data. The enforcement windows are separate again and are not touched.
 * Because totals only grow, the published counts add up exactly to the stage's: after a refresh,
 * the calls counter equals {@code snapshot().calls()} at the moment of that refresh.
 */
public final class Drain {
    private final BudgetedStage<?, ?> stage;
    private final StageInstruments meters;
    private Histogram published;
    private long publishedFailures;
    private long publishedBytes;

    /** Starts with nothing published: the first refresh publishes every call since the stage was built. */
    public Drain(BudgetedStage<?, ?> stage, StageInstruments meters) {
        this.stage = stage;
        this.meters = meters;
    }

    /**
     * Publishes the calls recorded since the previous refresh and the verdict since the stage was built.
     *
     * @return calls published by this refresh
     */
    public synchronized long refresh() {
        StageSnapshot now = stage.snapshot();
        Histogram total = now.histogram();
        long calls = Replay.latencySince(published, total, meters.latency);
        if (calls > 0) {
            meters.calls.increment(calls);
            meters.failures.increment(now.failures() - publishedFailures);
            if (meters.allocation != null && now.allocatedBytes().isPresent()) {
                long bytes = now.allocatedBytes().getAsLong();
                Replay.allocation(bytes - publishedBytes, calls, meters.allocation);
                publishedBytes = bytes;
            }
            published = total;
            publishedFailures = now.failures();
        }
        meters.gauges.update(stage.budget().evaluate(now).checks());
        return calls;
    }
}
