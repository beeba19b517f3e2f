package dev.budget4j.profile.cli;

import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.Forks;
import dev.budget4j.profile.GateRun;
import dev.budget4j.profile.Harness;
import dev.budget4j.profile.OshiMemoryProbe;
import dev.budget4j.profile.SequentialGate;
import dev.budget4j.profile.internal.RunFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** The commands that launch JVMs: {@code measure}, {@code gate} and {@code interleave}. */
final class ForkCommands {
    static final Set<String> SUITE = Set.of("--suite", "--warmup", "--warmup-time", "--iterations", "--rounds", "--seed");
    static final Set<String> SUITE_REPEATED = Set.of("--stage", "--jvm-arg");
    static final Set<String> SUITE_FLAGS = Set.of("--rss");

    private ForkCommands() {
    }

    static int measure(String[] args, PrintStream out) throws IOException, InterruptedException {
        Options o = Options.parse(args, GateCommand.union(SUITE, Set.of("--out", "--forks")), SUITE_REPEATED, SUITE_FLAGS);
        Path file = o.requiredPath("--out");
        Integer forks = o.integer("--forks", 1, 1000);
        Forks.Builder f = forks(o, null, "--jvm-arg");
        f.forks(forks == null ? 3 : forks);
        long t0 = System.nanoTime();
        Baseline run = f.build().measure();
        run.write(file);
        out.printf("measured %d stage(s) in %d fork(s) in %.1f s; wrote %s%n", run.stages().size(), forks == null ? 3 : forks,
                (System.nanoTime() - t0) / 1e9, file);
        return GateCommand.PASS;
    }

    static int gate(String[] args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Options o = Options.parse(args,
                GateCommand.union(GateCommand.union(SUITE, GateCommand.REPORT_OPTIONS),
                        Set.of("--baseline", "--out", "--min-forks", "--max-forks", "--max-time")),
                GateCommand.union(SUITE_REPEATED, GateCommand.RULE_OPTIONS), GateCommand.union(SUITE_FLAGS, GateCommand.GATE_FLAGS));
        Baseline stored = RunFiles.read(o.requiredPath("--baseline"));
        SequentialGate sequential = sequential(o, "--min-forks", "--max-forks", false);
        GateRun run = sequential.against(stored, forks(o, null, "--jvm-arg").build());
        write(o.path("--out"), run.current());
        return GateCommand.finish(run.report(), run.summary(), o, out, err);
    }

    static int interleave(String[] args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Options o = Options.parse(args,
                GateCommand.union(GateCommand.union(SUITE, GateCommand.REPORT_OPTIONS),
                        Set.of("--baseline-cp", "--candidate-cp", "--min-pairs", "--max-pairs", "--max-time", "--order-seed",
                                "--out-baseline", "--out-current")),
                GateCommand.union(GateCommand.union(SUITE_REPEATED, GateCommand.RULE_OPTIONS),
                        Set.of("--baseline-jvm-arg", "--candidate-jvm-arg")),
                GateCommand.union(GateCommand.union(SUITE_FLAGS, GateCommand.GATE_FLAGS), Set.of("--duet")));
        String a = o.string("--baseline-cp");
        String b = o.string("--candidate-cp");
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            throw new UsageException("interleave needs --baseline-cp and --candidate-cp");
        }
        SequentialGate sequential = sequential(o, "--min-pairs", "--max-pairs", true);
        Forks base = forks(o, a, "--baseline-jvm-arg").gitCommit(null).build();
        Forks cand = forks(o, b, "--candidate-jvm-arg").gitCommit(null).build();
        GateRun run = sequential.interleave(base, cand);
        write(o.path("--out-baseline"), run.baseline());
        write(o.path("--out-current"), run.current());
        return GateCommand.finish(run.report(), run.summary(), o, out, err);
    }

    private static SequentialGate sequential(Options o, String min, String max, boolean paired) {
        SequentialGate.Builder s = SequentialGate.builder().gate(GateCommand.gate(o, 0.99));
        Integer lo = o.integer(min, 2, 1000);
        Integer hi = o.integer(max, 2, 1000);
        if (lo != null) {
            s.minRuns(lo);
        }
        if (hi != null) {
            s.maxRuns(hi);
        }
        if (lo != null && hi != null && hi < lo) {
            throw new UsageException(max + " must be >= " + min + " (" + lo + "), but was " + hi);
        }
        if (lo == null && hi != null && hi < 5) {
            s.minRuns(hi);
        } else if (hi == null && lo != null && lo > 60) {
            s.maxRuns(lo);
        }
        Duration cap = o.duration("--max-time");
        if (cap != null) {
            s.maxTime(cap);
        }
        if (paired) {
            Long seed = o.longValue("--order-seed");
            if (seed != null) {
                s.seed(seed);
            }
            s.duet(o.flag("--duet"));
        }
        return s.build();
    }

    private static Forks.Builder forks(Options o, String classPath, String sideArgs) {
        Harness.Builder h = Harness.builder();
        Integer warmup = o.integer("--warmup", 0, Integer.MAX_VALUE);
        Integer iterations = o.integer("--iterations", 1, Integer.MAX_VALUE);
        Integer rounds = o.integer("--rounds", 1, 1000);
        Long seed = o.longValue("--seed");
        h.warmupIterations(warmup == null ? 20_000 : warmup);
        Duration warmupTime = o.duration("--warmup-time");
        if (warmupTime != null) {
            h.warmupTime(warmupTime);
        }
        h.iterations(iterations == null ? 400 : iterations);
        h.rounds(rounds == null ? 5 : rounds);
        if (seed != null) {
            h.seed(seed);
        }
        Harness harness;
        if (o.flag("--rss")) {
            // Only tells the children to open their own probe; this one is never started.
            try (OshiMemoryProbe marker = new OshiMemoryProbe()) {
                harness = h.memoryProbe(marker).build();
            }
        } else {
            harness = h.build();
        }
        Forks.Builder f = Forks.builder().harness(harness);
        if (o.string("--suite") != null) {
            f.suite(o.string("--suite"));
        }
        o.all("--stage").forEach(f::stage);
        o.all("--jvm-arg").forEach(f::jvmArg);
        if (!sideArgs.equals("--jvm-arg")) {
            o.all(sideArgs).forEach(f::jvmArg);
        }
        if (classPath != null) {
            f.classPath(classPath);
        }
        return f;
    }

    private static void write(Path file, Baseline run) throws IOException {
        if (file != null) {
            run.write(file);
        }
    }
}
