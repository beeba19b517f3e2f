package dev.budget4j.benchmarks.validity;

import dev.budget4j.Stage;
import dev.budget4j.profile.SuiteStage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How much slower each planted variant of the validity workloads really is: a plant adds work per
 * call, and more work need not cost as much more time (a map that grows in steps, a list that
 * doubles), so {@link ValidityWorkloads} scales each workload's work to the slowdown asked for,
 * and this program checks it. Both variants run in one JVM, in alternating blocks of 400 timed calls
 * after a common warm-up, so the JIT and the heap are the same for both; the answer is the
 * median over block pairs of the ratio of the blocks' median call times, with the quartiles of
 * the pairs' ratios beside it. This is the ground truth the gate experiment ({@link GateValidity})
 * should find; one JVM is the right tool here because the question is the work's cost, not how
 * much runs in different JVMs differ.
 *
 * <pre>
 * java [-Dworkload=NAME] -cp benchmarks/target/benchmarks.jar dev.budget4j.benchmarks.validity.PlantedSlowdown [BLOCKS [EXTRA...]]
 * </pre>
 * Defaults: 300 block pairs; extras 0.10 and 0.25; every workload.
 */
public final class PlantedSlowdown {
    private static final int CALLS_PER_BLOCK = 400;
    private static final int WARMUP_CALLS = 30_000;
    private static final int POOL = 64;
    /** Where the outputs' hashes end up, so that the JIT cannot drop the calls. */
    static volatile long published;

    private PlantedSlowdown() {
    }

    /**
     * Prints the measured slowdown of every workload and extra.
     *
     * @param args {@code [BLOCKS [EXTRA...]]}
     */
    public static void main(String[] args) {
        String only = System.getProperty("workload");
        if (only != null && !ValidityWorkloads.NAMES.contains(only)) {
            throw new IllegalArgumentException("workload must be one of " + ValidityWorkloads.NAMES + ", but was '" + only + "'");
        }
        int blocks = args.length > 0 ? blocks(args[0]) : 300;
        double[] extras = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToDouble(ValidityWorkloads::extra).toArray()
                : new double[] {0.10, 0.25};
        List<SuiteStage<?>> base = ValidityWorkloads.stages(0);
        System.out.printf(Locale.ROOT, "%-14s %6s %10s %20s%n", "workload", "extra", "time ratio", "quartiles of pairs");
        for (double extra : extras) {
            List<SuiteStage<?>> planted = ValidityWorkloads.stages(extra);
            for (int w = 0; w < base.size(); w++) {
                if (only != null && !only.equals(base.get(w).name())) {
                    continue;
                }
                double[] r = ratios(base.get(w), planted.get(w), blocks);
                System.out.printf(Locale.ROOT, "%-14s %6.3f %10.3f %9.3f to %.3f%n", base.get(w).name(), extra,
                        r[r.length / 2], r[r.length / 4], r[3 * r.length / 4]);
            }
        }
    }

    private static int blocks(String text) {
        int blocks;
        try {
            blocks = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("BLOCKS must be a whole number >= 10, but was '" + text + "'");
        }
        if (blocks < 10) {
            throw new IllegalArgumentException("BLOCKS must be a whole number >= 10, but was " + blocks);
        }
        return blocks;
    }

    /** {@return the sorted ratios planted / base of the blocks' median call times} */
    private static double[] ratios(SuiteStage<?> base, SuiteStage<?> planted, int blocks) {
        Runner a = Runner.of(base);
        Runner b = Runner.of(planted);
        for (int i = 0; i < WARMUP_CALLS; i++) {
            a.call(i);
            b.call(i);
        }
        double[] r = new double[blocks];
        for (int k = 0; k < blocks; k++) {
            boolean baseFirst = (k & 1) == 0;
            long first = (baseFirst ? a : b).blockMedian();
            long second = (baseFirst ? b : a).blockMedian();
            r[k] = baseFirst ? (double) second / first : (double) first / second;
        }
        published = a.sink + b.sink;
        Arrays.sort(r);
        return r;
    }

    /** One variant's stage and its inputs, generated before timing as the harness does. */
    private static final class Runner {
        private final Stage<Object, ?> stage;
        private final List<Object> pool;
        private final long[] times = new long[CALLS_PER_BLOCK];
        private long sink;
        private int next;

        private Runner(Stage<Object, ?> stage, List<Object> pool) {
            this.stage = stage;
            this.pool = pool;
        }

        @SuppressWarnings("unchecked")
        static Runner of(SuiteStage<?> s) {
            SplittableRandom random = new SplittableRandom(42);
            List<Object> pool = new ArrayList<>(POOL);
            for (int i = 0; i < POOL; i++) {
                pool.add(s.inputs().apply(random));
            }
            return new Runner((Stage<Object, ?>) s.stage(), pool);
        }

        void call(int i) {
            sink += Objects.hashCode(stage.apply(pool.get(i % POOL)));
        }

        long blockMedian() {
            for (int i = 0; i < CALLS_PER_BLOCK; i++) {
                long t0 = System.nanoTime();
                call(next);
                times[i] = System.nanoTime() - t0;
                next = (next + 1) % POOL;
            }
            Arrays.sort(times);
            return times[CALLS_PER_BLOCK / 2];
        }
    }
}
