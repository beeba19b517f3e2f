package dev.budget4j.benchmarks.validity;

import dev.budget4j.Dimension;
import dev.budget4j.Stage;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.Gate;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.GateStatus;
import dev.budget4j.profile.Harness;
import dev.budget4j.profile.HarnessResult;
import dev.budget4j.profile.MachineFingerprint;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measurement validity: does the gate raise false alarms on identical code (A/A), and does it
 * catch a planted 25% slowdown (A/B)? Runs a real stage (copy and sort 5,000 random ints) through
 * the harness and the default gate, {@code trials} times each, and prints both rates.
 *
 * <p>Not a JMH benchmark: a plain program, because the thing measured is the harness and gate
 * themselves. Run it alone on the machine:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar \
 *     dev.budget4j.benchmarks.validity.MeasurementValidity [trials=100] [rounds=5] [iterations=400]
 * </pre>
 * The slowdown is planted by spinning for 25% of the stage's calibrated median latency after each
 * call, so B does the same work as A plus exactly a quarter more time.
 */
public final class MeasurementValidity {
    private static final int SIZE = 5_000;

    private MeasurementValidity() {
    }

    static int[] sorted(int[] input) {
        int[] copy = input.clone();
        Arrays.sort(copy);
        return copy;
    }

    static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /**
     * Runs the experiment.
     *
     * @param args optional: trials (default 100), rounds per run (default 5), calls per round (default 400)
     */
    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        Stage<int[], int[]> a = Stage.of("sort", MeasurementValidity::sorted);
        Harness harness = Harness.builder().warmupIterations(500).iterations(iterations).rounds(rounds).seed(2024)
                .inputPoolSize(32).build();
        java.util.function.Function<SplittableRandom, int[]> inputs = r -> r.ints(SIZE).toArray();

        // Warm the JIT once for both code paths, then calibrate the planted slowdown.
        Harness.builder().warmupIterations(20_000).iterations(1).rounds(1).build().run(a, inputs);
        double median = harness.run(a, inputs).summary(Dimension.percentile(50)).median();
        long plant = Math.round(median * 0.25);
        Stage<int[], int[]> b = Stage.of("sort", (int[] in) -> {
            int[] out = sorted(in);
            spin(plant);
            return out;
        });
        Harness.builder().warmupIterations(20_000).iterations(1).rounds(1).build().run(b, inputs);

        MachineFingerprint machine = MachineFingerprint.current();
        Gate gate = Gate.defaults();
        Map<GateStatus, Integer> aa = new EnumMap<>(GateStatus.class);
        Map<GateStatus, Integer> ab = new EnumMap<>(GateStatus.class);
        long t0 = System.nanoTime();
        for (int i = 0; i < trials; i++) {
            GateStatus sAA = gate.compare(run(harness, a, inputs, machine), run(harness, a, inputs, machine)).status();
            aa.merge(sAA, 1, Integer::sum);
            GateReport rAB = gate.compare(run(harness, a, inputs, machine), run(harness, b, inputs, machine));
            ab.merge(rAB.status(), 1, Integer::sum);
            if (i == 0) {
                System.out.println(rAB.toConsoleTable());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "stage: copy + sort %d ints, median %.1f us; planted slowdown %.1f us (25%%)%n", SIZE,
                median / 1e3, plant / 1e3);
        System.out.printf(Locale.ROOT, "harness: %d rounds x %d calls per run; gate: default rules, 95%% bootstrap%n", rounds,
                iterations);
        System.out.printf(Locale.ROOT, "A/A: %d trials, REGRESSION (false alarm) %d = %.1f%%; outcomes %s%n", trials,
                aa.getOrDefault(GateStatus.REGRESSION, 0), 100.0 * aa.getOrDefault(GateStatus.REGRESSION, 0) / trials, aa);
        System.out.printf(Locale.ROOT, "A/B: %d trials, REGRESSION (detected) %d = %.1f%%; outcomes %s%n", trials,
                ab.getOrDefault(GateStatus.REGRESSION, 0), 100.0 * ab.getOrDefault(GateStatus.REGRESSION, 0) / trials, ab);
        System.out.printf(Locale.ROOT, "time: %.1f s for %d runs%n", seconds, 4 * trials);
    }

    private static Baseline run(Harness harness, Stage<int[], int[]> stage,
            java.util.function.Function<SplittableRandom, int[]> inputs, MachineFingerprint machine) {
        HarnessResult r = harness.run(stage, inputs);
        return Baseline.builder().createdAt(Instant.now()).gitCommit(null).machine(machine).stage(r, null).build();
    }
}
