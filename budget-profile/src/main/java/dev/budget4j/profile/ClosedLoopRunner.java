package dev.budget4j.profile;

import dev.budget4j.Stage;
import dev.budget4j.StageSnapshot;
import dev.budget4j.internal.AllocationMeter;
import dev.budget4j.spi.MemoryProbe;
import dev.budget4j.spi.RssWindow;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Calls a stage back to back, each call as soon as the one before returns, in rounds of timed
 * calls; each round is one {@link StageSnapshot}. Holds settings only: what one run writes goes
 * to the {@link Sink} it is handed.
 *
 * <p>Per call it reads {@link System#nanoTime()} twice and, when allocation is tracked, the
 * calling thread's allocation counter ({@link AllocationMeter}, budget-core's own) twice, outside
 * the timed section.
 */
final class ClosedLoopRunner {
    private final int iterations;
    private final int rounds;
    private final boolean trackAllocation;
    private final MemoryProbe probe;
    private final Runnable beforeRound;

    /**
     * @param iterations timed calls per round, {@code >= 1}
     * @param rounds rounds, {@code >= 1}
     * @param trackAllocation measure bytes allocated per call where the JVM can
     * @param probe one RSS window per round, or null
     * @param beforeRound runs before every round, outside the timed section, or null
     */
    ClosedLoopRunner(int iterations, int rounds, boolean trackAllocation, MemoryProbe probe, Runnable beforeRound) {
        this.iterations = iterations;
        this.rounds = rounds;
        this.trackAllocation = trackAllocation;
        this.probe = probe;
        this.beforeRound = beforeRound;
    }

    /** Runs every round on inputs cycled from {@code pool}; the caller has warmed the stage up. */
    <I> List<StageSnapshot> run(Stage<I, ?> stage, List<I> pool, Sink sink) {
        List<StageSnapshot> out = new ArrayList<>(rounds);
        for (int r = 0; r < rounds; r++) {
            if (beforeRound != null) {
                beforeRound.run();
            }
            out.add(round(stage, pool, sink));
        }
        return out;
    }

    private <I> StageSnapshot round(Stage<I, ?> stage, List<I> pool, Sink sink) {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        boolean alloc = trackAllocation && AllocationMeter.supported();
        RssWindow window = probe == null ? null : probe.openWindow();
        long failures = 0;
        long allocated = 0;
        int n = pool.size();
        long roundStart = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            I input = pool.get(i % n);
            long a0 = alloc ? AllocationMeter.currentThreadAllocatedBytes() : 0;
            long t0 = System.nanoTime();
            boolean failed = sink.apply(stage, input);
            long t1 = System.nanoTime();
            if (alloc) {
                allocated += AllocationMeter.currentThreadAllocatedBytes() - a0;
            }
            if (failed) {
                failures++;
            }
            h.recordValue(Math.max(0, t1 - t0));
        }
        long elapsed = System.nanoTime() - roundStart;
        StageSnapshot.Builder b = StageSnapshot.builder(stage.name(), h).failures(failures).elapsedNanos(elapsed);
        if (alloc) {
            b.allocatedBytes(allocated);
        }
        if (window != null) {
            window.close();
            b.rss(window.peakRssBytes(), Math.max(0, window.peakRssBytes() - window.startRssBytes()));
        }
        return b.build();
    }
}
