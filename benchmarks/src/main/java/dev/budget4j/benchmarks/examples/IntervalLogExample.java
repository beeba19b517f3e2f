package dev.budget4j.benchmarks.examples;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Recording;
import dev.budget4j.Stage;
import dev.budget4j.profile.RecordingLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One CI runner (or one service instance) writing its budgeted stage's recordings as an interval
 * log: the stage runs for a few seconds, and every second its interval recording is taken
 * ({@link Recording#interval}) and kept; at the end they are written to {@code <dir>/<name>.hlog}.
 * Run it as several runners would, then merge and gate:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.budget4j.benchmarks.examples.IntervalLogExample target/fleet runner-1
 * java -cp benchmarks/target/benchmarks.jar dev.budget4j.benchmarks.examples.IntervalLogExample target/fleet runner-2
 * java -cp benchmarks/target/benchmarks.jar dev.budget4j.profile.cli.GateCommand merge \
 *     --in target/fleet/runner-1.hlog --in target/fleet/runner-2.hlog --out target/fleet/merged.json
 * java -cp benchmarks/target/benchmarks.jar dev.budget4j.profile.cli.GateCommand compare \
 *     --baseline target/fleet/merged.json --current target/fleet/runner-1.hlog
 * </pre>
 */
public final class IntervalLogExample {
    private IntervalLogExample() {
    }

    /**
     * Runs the stage and writes the log.
     *
     * @param args the output directory (default {@code target/fleet}) and the runner's name (default {@code runner-1})
     * @throws Exception when the log cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/fleet");
        String name = args.length > 1 ? args[1] : "runner-1";
        BudgetedStage<String, Integer> words = Budgets.budgetedStage(Stage.of("wordcount", IntervalLogExample::count),
                Budget.parse("p50<=200us p99<=2ms errors<=0.1%"));
        SplittableRandom random = new SplittableRandom(name.hashCode());
        List<Recording> intervals = new ArrayList<>();
        long sink = 0;
        for (int second = 0; second < 5; second++) {
            long end = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < end) {
                sink += words.apply(text(random));
            }
            intervals.add(Recording.interval(words));
        }
        Path file = dir.resolve(name + ".hlog");
        RecordingLog.write(file, intervals);
        System.out.println("wrote " + intervals.size() + " intervals, " + words.snapshot().calls() + " calls, to " + file
                + " (" + (sink & 1) + ")");
    }

    static int count(String text) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = text.charAt(i) != ' ';
            if (letter && !in) {
                words++;
            }
            in = letter;
        }
        return words;
    }

    static String text(SplittableRandom random) {
        StringBuilder b = new StringBuilder(4_096);
        while (b.length() < 4_000) {
            int len = 1 + random.nextInt(9);
            for (int i = 0; i < len; i++) {
                b.append((char) ('a' + random.nextInt(26)));
            }
            b.append(' ');
        }
        return b.toString();
    }
}
