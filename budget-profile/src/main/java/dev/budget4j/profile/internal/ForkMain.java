package dev.budget4j.profile.internal;

import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.Harness;
import dev.budget4j.profile.OshiMemoryProbe;
import dev.budget4j.profile.SuiteStage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point of one child JVM of a forked measurement: creates the suite, measures the named
 * stages with the harness settings it was given, and writes the run (one fork per stage) to the
 * output file atomically. Launched by {@code dev.budget4j.profile.Forks}; not meant to be run by
 * hand, though it can be:
 *
 * <pre>
 * java -cp CP dev.budget4j.profile.internal.ForkMain --out F.json [--suite CLASS] [--stage NAME]...
 *      [--warmup N] [--warmup-ms N] [--iterations N] [--rounds N] [--seed N] [--pool N]
 *      [--alloc true|false] [--probe true|false] [--commit SHA|-] [--sync true|false]
 * </pre>
 *
 * With {@code --sync true} the child prints the line {@value #READY} on its standard output before
 * every timed round and waits for a line on its standard input (or its end) before it starts the
 * round: the parent starts the rounds of two children at the same moment ({@link RoundSync}). A
 * line {@code go SLOT} also moves the measuring thread to CPU slot {@code SLOT} for that round.
 *
 * Exit codes: 0 written, 2 bad arguments or suite, 3 the stage failed.
 */
public final class ForkMain {
    /** The line a synchronized child prints when it is ready for its next round. */
    public static final String READY = "budget4j:round-ready";

    private ForkMain() {
    }

    /**
     * Runs one fork.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            code = 2;
        } catch (Exception | Error e) {
            System.err.println("error: the fork failed: " + e);
            e.printStackTrace();
            code = 3;
        }
        System.exit(code);
    }

    static int run(String[] args) throws Exception {
        String suite = null;
        String out = null;
        String commit = null;
        List<String> stages = new ArrayList<>();
        Harness.Builder h = Harness.builder();
        boolean probe = false;
        boolean sync = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--suite": suite = v; break;
                case "--out": out = v; break;
                case "--commit": commit = v; break;
                case "--stage": stages.add(v); break;
                case "--warmup": h.warmupIterations(Integer.parseInt(v)); break;
                case "--warmup-ms": h.warmupTime(Duration.ofMillis(Long.parseLong(v))); break;
                case "--iterations": h.iterations(Integer.parseInt(v)); break;
                case "--rounds": h.rounds(Integer.parseInt(v)); break;
                case "--seed": h.seed(Long.parseLong(v)); break;
                case "--pool": h.inputPoolSize(Integer.parseInt(v)); break;
                case "--alloc": h.trackAllocation(Boolean.parseBoolean(v)); break;
                case "--probe": probe = Boolean.parseBoolean(v); break;
                case "--sync": sync = Boolean.parseBoolean(v); break;
                default: throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
        Map<String, SuiteStage<?>> all = Suites.load(suite, Thread.currentThread().getContextClassLoader());
        List<SuiteStage<?>> chosen = Suites.select(all, stages);
        if (sync) {
            BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Optional<CpuPinning> pinning = CpuPinning.forThisProcess();
            h.beforeEachRound(() -> awaitGo(parent, pinning));
        }
        try (OshiMemoryProbe p = probe ? new OshiMemoryProbe() : null) {
            Harness harness = h.memoryProbe(p).build();
            Baseline.Builder b = Baseline.builder();
            if (commit != null) {
                b.gitCommit(commit.equals("-") ? null : commit);
            }
            for (SuiteStage<?> s : chosen) {
                b.stage(s.measure(harness));
            }
            b.build().write(Path.of(out));
        }
        return 0;
    }

    /**
     * Says it is ready and waits for the parent's go, or for the parent to close the pipe. The go
     * line is {@code go} or {@code go SLOT}: with a slot, the measuring thread moves to that CPU
     * slot for the round (where it can: {@link CpuPinning}).
     */
    private static void awaitGo(BufferedReader parent, Optional<CpuPinning> pinning) {
        System.out.println(READY);
        System.out.flush();
        String go;
        try {
            go = parent.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("the parent's go signal could not be read", e);
        }
        if (go != null && go.startsWith("go ") && pinning.isPresent()) {
            pinning.get().pin(Integer.parseInt(go.substring(3).strip()));
        }
    }
}
