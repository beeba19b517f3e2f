package dev.budget4j.micrometer;

import dev.budget4j.micrometer.internal.Drain;
import dev.budget4j.micrometer.internal.Refresher;
import dev.budget4j.micrometer.internal.StageInstruments;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Future;

/**
 * The meters of one budgeted stage in one registry, made by {@link BudgetMeters}. The meters
 * show what the stage recorded up to the latest {@link #refresh()}; refreshes run on a schedule
 * (every second by default) and whenever this method is called, for example just before a scrape.
 *
 * <p>{@link #close()} stops the schedule and removes the meters from the registry; the stage
 * itself is not changed and goes on recording.
 */
public final class StageMeters implements AutoCloseable {
    private final String stage;
    private final MeterRegistry registry;
    private final StageInstruments instruments;
    private final Drain drain;
    private final Future<?> schedule;
    private boolean closed;

    StageMeters(String stage, MeterRegistry registry, StageInstruments instruments, Drain drain, Duration every) {
        this.stage = stage;
        this.registry = registry;
        this.instruments = instruments;
        this.drain = drain;
        this.schedule = every.isZero() ? null : Refresher.every(every, "stage '" + stage + "'", this::refreshIfOpen);
    }

    /** {@return the name of the stage, the value of the {@value MeterNames#STAGE_TAG} tag} */
    public String stage() {
        return stage;
    }

    /** {@return the registry the meters are in} */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Publishes the calls the stage recorded since the previous refresh (latency, calls, failures,
     * allocation) and its verdict since it was built (the {@code met} gauges). Runs off the stage's
     * calls: it costs the calling thread of this method about one Micrometer {@code record} per call
     * published, and costs the stage's callers nothing.
     *
     * @return the number of calls published by this refresh
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized long refresh() {
        if (closed) {
            throw new IllegalStateException("meters of stage '" + stage + "' must be open to refresh, but were closed");
        }
        return drain.refresh();
    }

    private synchronized void refreshIfOpen() {
        if (!closed) {
            drain.refresh();
        }
    }

    /** Stops the scheduled refreshes and removes the stage's meters from the registry; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (schedule != null) {
            schedule.cancel(false);
        }
        instruments.remove();
    }

    @Override
    public String toString() {
        return "StageMeters[" + stage + (closed ? ", closed" : "") + "]";
    }
}
