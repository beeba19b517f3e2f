package dev.budget4j.benchmarks.validity;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Gate validity, measured the way CI runs the gate: does it raise false alarms on identical code
 * (A/A), and does it catch a planted 10% or 25% slowdown (A/B)? Every measurement is a separate
 * JVM started through the command-line gate ({@code dev.budget4j.profile.cli.GateCommand}) as a
 * child process, and the program reads each gate's exit code, first line and wall time.
 *
 * <p>Modes, side by side (see {@link Mode}): {@code single} ({@code measure --forks 1} twice, then
 * {@code compare}), {@code forked} (a stored {@code measure --forks 3} baseline, then
 * {@code gate --min-forks 3}), {@code interleaved} ({@code interleave}) and optionally {@code duet}
 * ({@code interleave --duet}). Workloads: the stages of {@link ValidityWorkloads}; the slowdown is
 * real extra work ({@code -Dvalidity.extra=0.10} or {@code 0.25} on the candidate side). One rule
 * set for everything ({@link TrialRunner#RULES}).
 *
 * <p>Each trial is appended to the results CSV as it ends; running again with the same
 * {@code --out} continues up to {@code --trials} per cell. Cells run in a seeded random order
 * within each round of trials, so slow changes of the machine spread over all cells. At the end
 * the program prints a Markdown table with exact (Clopper–Pearson) 95% intervals for every rate.
 *
 * <pre>
 * mvn -B -ntp -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.budget4j.benchmarks.validity.GateValidity --trials 5 \
 *     --out target/validity/results.csv
 * </pre>
 * Run it with a Java 25 {@code java}; the gates and their forks use the same one. {@code --help}
 * lists the options.
 */
public final class GateValidity {
    private GateValidity() {
    }

    /**
     * Runs the experiment.
     *
     * @param args the options ({@code --help} lists them)
     */
    public static void main(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println(ValidityOptions.USAGE);
                return;
            }
        }
        ValidityOptions options;
        try {
            options = ValidityOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(ValidityOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options);
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("error: interrupted");
            System.exit(1);
        }
    }

    private static void run(ValidityOptions o) throws IOException, InterruptedException {
        ResultsCsv csv = new ResultsCsv(o.out());
        List<TrialResult> done = new ArrayList<>(csv.read());
        if (!o.reportOnly()) {
            measure(o, csv, done);
        }
        System.out.println();
        System.out.println(SummaryTable.markdown(done, o.workloads(), o.modes(), o.variants()));
    }

    private static void measure(ValidityOptions o, ResultsCsv csv, List<TrialResult> done) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path jar = o.jar() == null ? ownJar() : o.jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--jar must be the benchmarks jar, but " + jar + " is not a file");
        }
        Path workDir = Files.createTempDirectory("gate-validity");
        GateCli cli = new GateCli(java, jar, workDir);
        Thread stopper = new Thread(cli::stop);
        Runtime.getRuntime().addShutdownHook(stopper);
        TrialRunner runner = new TrialRunner(cli, workDir, o);
        List<String> cells = new ArrayList<>();
        Map<String, Integer> count = new HashMap<>();
        for (String w : o.workloads()) {
            for (Mode m : o.modes()) {
                for (Variant v : o.variants()) {
                    String key = key(w, m, v);
                    cells.add(key);
                    count.put(key, 0);
                }
            }
        }
        for (TrialResult t : done) {
            count.computeIfPresent(key(t.workload(), t.mode(), t.variant()), (k, n) -> n + 1);
        }
        int todo = 0;
        for (String c : cells) {
            todo += Math.max(0, o.trials() - count.get(c));
        }
        System.out.printf(Locale.ROOT, "gate validity: %d cells x %d trials (%d to run, %d already in %s)%n", cells.size(), o.trials(), todo,
                cells.size() * o.trials() - todo, csv.file());
        System.out.printf(Locale.ROOT, "harness per fork: --warmup %d --iterations %d --rounds %d; sequential gates: --max-time %s; rules: %s%n",
                o.warmup(), o.iterations(), o.rounds(), o.maxTime(), String.join(" ", TrialRunner.RULES));
        System.out.printf(Locale.ROOT, "java %s (%s), %d processors%n", System.getProperty("java.version"), System.getProperty("java.vendor"),
                Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        int ran = 0;
        try {
            for (int round = 0; round < o.trials(); round++) {
                List<String> order = new ArrayList<>(cells);
                shuffle(order, new SplittableRandom(o.seed() * 1_000_003L + round));
                for (String c : order) {
                    int trial = count.get(c);
                    if (trial > round) {
                        continue;
                    }
                    String[] k = c.split("\\|");
                    Mode m = Mode.of(k[1]);
                    Variant v = Variant.of(k[2]);
                    long orderSeed = new SplittableRandom(o.seed() ^ (c.hashCode() * 0x9E3779B97F4A7C15L) ^ trial).nextLong();
                    TrialResult r = runner.run(k[0], m, v, orderSeed);
                    csv.append(r);
                    done.add(r);
                    count.put(c, trial + 1);
                    ran++;
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "[%d/%d, %.0f s] %s %s %s #%d: %s (exit %d), gate %.1f s, baseline %.1f s, %d run(s), %s; p50 %.3f [%.3f, %.3f]; %s%n",
                            ran, todo, elapsed, k[0], m.label(), v.label(), trial + 1, r.status(), r.exit(), r.gateSeconds(), r.baselineSeconds(),
                            r.runs(), r.stop(), r.p50(), r.p50Low(), r.p50High(), r.flags());
                }
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopper);
            try (var files = Files.list(workDir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(workDir);
        }
        System.out.printf(Locale.ROOT, "ran %d trials in %.1f min%n", ran, (System.nanoTime() - start) / 60e9);
    }

    private static String key(String workload, Mode m, Variant v) {
        return workload + "|" + m.label() + "|" + v.label();
    }

    private static void shuffle(List<String> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static Path ownJar() {
        try {
            var source = GateValidity.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                throw new IllegalArgumentException("--jar must be given: the program's own jar is unknown");
            }
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--jar must be given: the program's own location is not a file (" + e.getMessage() + ")");
        }
    }
}
