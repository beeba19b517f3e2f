package dev.budget4j.benchmarks.validity;

import dev.budget4j.Budget;
import dev.budget4j.Stage;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.Harness;
import dev.budget4j.profile.OshiMemoryProbe;
import dev.budget4j.profile.RunHistory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The baseline-then-gate workflow end to end: measures two stages, saves {@code baseline.json},
 * measures again with the sort stage slowed by about 30% and saves {@code current.json}; both runs
 * are appended to {@code runs.jsonl}. Then compare them with the command-line gate:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.budget4j.benchmarks.validity.GateDemo target/demo
 * java -jar budget-profile/target/budget-profile-0.1.0-SNAPSHOT-cli.jar compare \
 *     --baseline target/demo/baseline.json --current target/demo/current.json --html target/demo/report.html
 * </pre>
 */
public final class GateDemo {
    private GateDemo() {
    }

    /**
     * Writes the two runs.
     *
     * @param args the output directory (default {@code target/demo})
     * @throws Exception when a file cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/demo");
        Function<SplittableRandom, int[]> ints = r -> r.ints(5_000).toArray();
        Stage<int[], Long> hash = Stage.of("hash", (int[] a) -> {
            long h = 1125899906842597L;
            for (int v : a) {
                h = 31 * h + v;
            }
            return h;
        });
        Budget sortBudget = Budget.parse("p99<=120us alloc<=24KiB");
        Budget hashBudget = Budget.parse("p99<=20us alloc<=32B");
        try (OshiMemoryProbe probe = new OshiMemoryProbe()) {
            Harness harness = Harness.builder().warmupIterations(20_000).iterations(400).rounds(5).memoryProbe(probe).build();
            Baseline base = Baseline.builder()
                    .stage(harness.run(Stage.of("sort", (int[] a) -> sort(a, 0)), ints), sortBudget)
                    .stage(harness.run(hash, ints), hashBudget).build();
            base.write(dir.resolve("baseline.json"));
            RunHistory.append(dir.resolve("runs.jsonl"), base);
            Baseline current = Baseline.builder()
                    .stage(harness.run(Stage.of("sort", (int[] a) -> sort(a, 8_000)), ints), sortBudget)
                    .stage(harness.run(hash, ints), hashBudget).build();
            current.write(dir.resolve("current.json"));
            RunHistory.append(dir.resolve("runs.jsonl"), current);
        }
        System.out.println("wrote " + dir.resolve("baseline.json") + " and " + dir.resolve("current.json"));
    }

    private static int[] sort(int[] input, long extraNanos) {
        int[] copy = input.clone();
        Arrays.sort(copy);
        long end = System.nanoTime() + extraNanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        return copy;
    }
}
