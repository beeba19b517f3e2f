package dev.budget4j.benchmarks.validity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one trial of one cell (workload × mode × variant) through the command-line gate, every
 * measurement in its own JVM, and reads the outcome.
 */
final class TrialRunner {
    /**
     * The one rule set of the experiment, for every mode, workload and variant. The p50 threshold
     * sits halfway between A/A (1.00) and the 10% slowdown (1.10); the tail and throughput rules
     * only guard against gross changes, because on a shared machine they mostly measure the
     * neighbours; allocation is loosened so that the allocation-heavy stage is decided by time,
     * not by its extra bytes.
     */
    static final List<String> RULES = List.of("p50<=1.05x", "p95<=1.50x", "p99<=5.00x", "throughput>=0.67x", "alloc<=1.50x");
    /** Forks of the stored baseline in forked mode, and the candidate forks before its first look. */
    static final int FORKS = 3;

    private static final String SUITE = ValidityWorkloads.class.getName();

    private final GateCli cli;
    private final Path workDir;
    private final ValidityOptions options;

    TrialRunner(GateCli cli, Path workDir, ValidityOptions options) {
        this.cli = cli;
        this.workDir = workDir;
        this.options = options;
    }

    /**
     * Runs the trial.
     *
     * @param workload the stage
     * @param mode how to gate
     * @param variant A/A or A/B
     * @param orderSeed the pair-order seed for the interleaved modes
     * @return the outcome
     * @throws IllegalStateException when a command fails (exit code other than 0 or 1), with its output
     */
    TrialResult run(String workload, Mode mode, Variant variant, long orderSeed) throws IOException, InterruptedException {
        Path base = Files.createTempFile(workDir, "baseline-", ".json");
        Path cur = Files.createTempFile(workDir, "current-", ".json");
        try {
            return switch (mode) {
                case SINGLE -> single(workload, variant, base, cur);
                case FORKED -> forked(workload, variant, base);
                case INTERLEAVED, DUET -> interleaved(workload, variant, mode, orderSeed);
            };
        } finally {
            Files.deleteIfExists(base);
            Files.deleteIfExists(cur);
        }
    }

    private TrialResult single(String workload, Variant variant, Path base, Path cur) throws IOException, InterruptedException {
        GateCli.Result b = measured(cli.run(measure(workload, 1, Variant.AA, base)));
        GateCli.Result c = measured(cli.run(measure(workload, 1, variant, cur)));
        List<String> args = new ArrayList<>(List.of("compare", "--baseline", base.toString(), "--current", cur.toString()));
        addRules(args);
        GateCli.Result g = decided(cli.run(args));
        return result(workload, Mode.SINGLE, variant, g, c.seconds() + g.seconds(), b.seconds(), 0);
    }

    private TrialResult forked(String workload, Variant variant, Path base) throws IOException, InterruptedException {
        GateCli.Result b = measured(cli.run(measure(workload, FORKS, Variant.AA, base)));
        List<String> args = new ArrayList<>(List.of("gate", "--baseline", base.toString(), "--min-forks", Integer.toString(FORKS),
                "--max-time", options.maxTime()));
        addSuite(args, workload);
        args.add("--jvm-arg=" + variant.jvmArg());
        addRules(args);
        GateCli.Result g = decided(cli.run(args));
        return result(workload, Mode.FORKED, variant, g, g.seconds(), b.seconds(), 0);
    }

    private TrialResult interleaved(String workload, Variant variant, Mode mode, long orderSeed) throws IOException, InterruptedException {
        String jar = cli.jar().toString();
        List<String> args = new ArrayList<>(List.of("interleave", "--baseline-cp", jar, "--candidate-cp", jar, "--max-time",
                options.maxTime(), "--order-seed", Long.toString(orderSeed)));
        if (mode == Mode.DUET) {
            args.add("--duet");
        }
        addSuite(args, workload);
        args.add("--baseline-jvm-arg=" + Variant.AA.jvmArg());
        args.add("--candidate-jvm-arg=" + variant.jvmArg());
        addRules(args);
        GateCli.Result g = decided(cli.run(args));
        return result(workload, mode, variant, g, g.seconds(), 0, orderSeed);
    }

    private List<String> measure(String workload, int forks, Variant variant, Path out) {
        List<String> args = new ArrayList<>(List.of("measure", "--forks", Integer.toString(forks), "--out", out.toString()));
        addSuite(args, workload);
        args.add("--jvm-arg=" + variant.jvmArg());
        return args;
    }

    private void addSuite(List<String> args, String workload) {
        args.addAll(List.of("--suite", SUITE, "--stage", workload, "--warmup", Integer.toString(options.warmup()), "--iterations",
                Integer.toString(options.iterations()), "--rounds", Integer.toString(options.rounds())));
    }

    private static void addRules(List<String> args) {
        for (String r : RULES) {
            args.add("--rule");
            args.add(r);
        }
    }

    private static GateCli.Result measured(GateCli.Result r) {
        if (r.exit() != 0) {
            throw new IllegalStateException("a measurement must exit with 0, but " + r.describe());
        }
        return r;
    }

    private static GateCli.Result decided(GateCli.Result r) {
        if (r.exit() != 0 && r.exit() != 1) {
            throw new IllegalStateException("a gate must exit with 0 or 1, but " + r.describe());
        }
        return r;
    }

    private static TrialResult result(String workload, Mode mode, Variant variant, GateCli.Result g, double gateSeconds,
            double baselineSeconds, long orderSeed) {
        GateOutput o = GateOutput.parse(g.stdout());
        if (o.status().equals("?")) {
            throw new IllegalStateException("a gate's first line must be 'budget4j gate: STATUS', but was '" + g.firstLine() + "'; "
                    + g.describe());
        }
        return new TrialResult(Instant.now(), workload, mode, variant, g.exit(), o.status(), gateSeconds, baselineSeconds, o.runs(),
                o.stop(), o.p50(), o.p50Low(), o.p50High(), o.flags(), orderSeed);
    }
}
