package dev.budget4j.profile;

import dev.budget4j.Stage;
import dev.budget4j.StageSnapshot;
import dev.budget4j.Ticker;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Runs the rungs inside real calls of the program, interleaved block by block (see {@link InSitu}),
 * and records each rung's own calls separately.
 */
final class InSituRun {
    private InSituRun() {
    }

    /**
     * Measures each rung where it runs.
     *
     * @param rungs the stages, named
     * @param site one real call of the program around the stage
     * @param config calls, warm-up, seed and clock
     * @param <I> the input type
     * @param <O> the output type
     * @return one snapshot per rung, in the rungs' order
     */
    static <I, O> List<StageSnapshot> measure(List<Stage<I, ? extends O>> rungs, Ladder.Site<I, O> site,
            InSitu config) {
        com.sun.management.ThreadMXBean alloc = allocationBean();
        List<Timed<I, O>> timed = new ArrayList<>(rungs.size());
        for (Stage<I, ? extends O> r : rungs) {
            timed.add(new Timed<>(r, config.ticker(), alloc));
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        int[] order = new int[rungs.size()];
        int call = 0;
        for (int block = 0; block < config.warmupCalls() + config.calls(); block++) {
            shuffle(order, random);
            for (int j : order) {
                Timed<I, O> t = timed.get(j);
                t.recording = block >= config.warmupCalls();
                t.callsThisSite = 0;
                t.failedThisSite = false;
                try {
                    site.call(call, t);
                } catch (RuntimeException e) {
                    if (!t.failedThisSite) {
                        throw e; // the program around the stage failed, not the rung
                    }
                }
                if (t.callsThisSite == 0) {
                    throw new IllegalStateException("site must call the stage it is given at least once, but real call "
                            + call + " (rung '" + t.name() + "') did not");
                }
                call++;
            }
        }
        List<StageSnapshot> out = new ArrayList<>(rungs.size());
        for (Timed<I, O> t : timed) {
            out.add(t.snapshot());
        }
        return out;
    }

    /** A random permutation of {@code 0 .. order.length - 1} into {@code order} (Fisher–Yates). */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = order[i];
            order[i] = order[j];
            order[j] = x;
        }
    }

    private static com.sun.management.ThreadMXBean allocationBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean sun) {
            try {
                if (sun.isThreadAllocatedMemorySupported()) {
                    if (!sun.isThreadAllocatedMemoryEnabled()) {
                        sun.setThreadAllocatedMemoryEnabled(true);
                    }
                    return sun;
                }
            } catch (UnsupportedOperationException | SecurityException e) {
                return null;
            }
        }
        return null;
    }

    /** A rung as the site sees it: calls go straight through; recorded calls are timed. */
    private static final class Timed<I, O> implements Stage<I, O> {
        private final Stage<I, ? extends O> stage;
        private final Ticker ticker;
        private final com.sun.management.ThreadMXBean alloc;
        private final Histogram latency = new Histogram(3);
        private long failures;
        private long elapsed;
        private long allocated;
        boolean recording;
        int callsThisSite;
        boolean failedThisSite;

        Timed(Stage<I, ? extends O> stage, Ticker ticker, com.sun.management.ThreadMXBean alloc) {
            this.stage = stage;
            this.ticker = ticker;
            this.alloc = alloc;
            latency.setAutoResize(true);
        }

        @Override
        public String name() {
            return stage.name();
        }

        @Override
        public O apply(I input) {
            callsThisSite++;
            long a0 = alloc == null ? 0 : alloc.getCurrentThreadAllocatedBytes();
            long t0 = ticker.nanoTime();
            boolean failed = true;
            try {
                O out = stage.apply(input);
                failed = false;
                return out;
            } finally {
                long t1 = ticker.nanoTime();
                long a1 = alloc == null ? 0 : alloc.getCurrentThreadAllocatedBytes(); // before recording allocates
                if (failed) {
                    failedThisSite = true;
                }
                if (recording) {
                    long nanos = Math.max(0, t1 - t0);
                    latency.recordValue(nanos);
                    elapsed += nanos;
                    allocated += Math.max(0, a1 - a0);
                    if (failed) {
                        failures++;
                    }
                }
            }
        }

        StageSnapshot snapshot() {
            StageSnapshot.Builder b = StageSnapshot.builder(stage.name(), latency).failures(failures)
                    .elapsedNanos(elapsed);
            if (alloc != null) {
                b.allocatedBytes(allocated);
            }
            return b.build();
        }
    }
}
