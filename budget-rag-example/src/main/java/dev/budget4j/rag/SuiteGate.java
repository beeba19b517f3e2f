package dev.budget4j.rag;

import dev.budget4j.kernel.Kernels;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.Forks;
import dev.budget4j.profile.Gate;
import dev.budget4j.profile.GateRules;
import dev.budget4j.profile.GateRun;
import dev.budget4j.profile.Harness;
import dev.budget4j.profile.SequentialGate;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the example measures {@link RagSuite} in fresh JVMs and gates it: the harness every fork
 * runs, how many forks {@code --save-baseline} measures, and the bounds of the sequential gate
 * that {@code --baseline FILE} runs (budget-profile's {@link SequentialGate#against}: forks of the
 * current code, one after another, until every stage is decided, the time cap or the fork cap).
 *
 * <p>Children get this JVM's options (so {@code --add-modules jdk.incubator.vector},
 * {@code --enable-native-access=ALL-UNNAMED} and {@code -Dbudget4j.kernels=...} carry over) and
 * class path; see {@link #childJvmArgs(String)} for the two that are added.
 *
 * @param warmup unrecorded calls per stage and fork before the first round, {@code >= 0}
 * @param warmupTime the least warm-up time per stage and fork, {@code >= 0}
 * @param iterations timed calls per round, {@code >= 1}
 * @param rounds rounds per stage and fork, {@code >= 1}
 * @param baselineForks forks {@code --save-baseline} measures, {@code >= 3}
 * @param minForks forks before the gate's first look, {@code >= 2}
 * @param maxForks the most forks a gate measures, {@code >= minForks}
 * @param maxTime no new fork starts when the last one's duration would take the gate past this
 * @param stages the suite's stages to measure, empty for all
 * @param rules the gate's ratio rules
 */
record SuiteGate(int warmup, Duration warmupTime, int iterations, int rounds, int baselineForks, int minForks,
        int maxForks, Duration maxTime, List<String> stages, GateRules rules) {
    /** Unrecorded calls per stage before the first round. */
    static final int WARMUP = 1_000;
    /**
     * The least warm-up time per stage: on a busy machine the JIT's compiler threads get little
     * CPU, and a warm-up counted in calls alone left some forks measuring half-compiled code
     * (with 2,000 calls, six forks measured chunk's p50 at 4.1 to 28 µs; with at least 3 s as well,
     * six forks agreed within 2 µs).
     */
    static final Duration WARMUP_TIME = Duration.ofSeconds(2);
    /** Timed calls per round. */
    static final int ITERATIONS = 400;
    /** Rounds per stage and fork. */
    static final int ROUNDS = 5;
    /** Forks of {@code --save-baseline}: the baseline's JVM-to-JVM spread is in every later gate's interval. */
    static final int BASELINE_FORKS = 6;
    /** Forks before the gate's first look. */
    static final int MIN_FORKS = 5;
    /** The most forks a gate measures. */
    static final int MAX_FORKS = 30;
    /** The gate's time cap. */
    static final Duration MAX_TIME = Duration.ofSeconds(90);
    /** Confidence of the gate's intervals: 99%, since a sequential gate looks after every fork. */
    static final double CONFIDENCE = 0.99;

    SuiteGate {
        Args.atLeast(warmup, 0, "warmup");
        Args.notNull(warmupTime, "warmupTime");
        Args.that(!warmupTime.isNegative(), "warmupTime", "must be >= 0", warmupTime);
        Args.atLeast(iterations, 1, "iterations");
        Args.atLeast(rounds, 1, "rounds");
        Args.that(baselineForks >= 3, "baselineForks", "must be >= 3", baselineForks);
        Args.that(minForks >= 2, "minForks", "must be >= 2", minForks);
        Args.that(maxForks >= minForks, "maxForks", "must be >= minForks=" + minForks, maxForks);
        Args.notNull(maxTime, "maxTime");
        Args.that(!maxTime.isNegative() && !maxTime.isZero(), "maxTime", "must be > 0", maxTime);
        stages = List.copyOf(Args.notNull(stages, "stages"));
        Args.notNull(rules, "rules");
    }

    /**
     * The example's settings.
     *
     * @param rules the gate's rules, not null
     * @return every stage of the suite; {@value #WARMUP} warm-up calls and at least 2 s, then {@value #ROUNDS} rounds of
     *     {@value #ITERATIONS} calls, per stage and fork; {@value #BASELINE_FORKS} baseline forks;
     *     {@value #MIN_FORKS} to {@value #MAX_FORKS} gate forks within 90 s
     */
    static SuiteGate defaults(GateRules rules) {
        return new SuiteGate(WARMUP, WARMUP_TIME, ITERATIONS, ROUNDS, BASELINE_FORKS, MIN_FORKS, MAX_FORKS, MAX_TIME, List.of(), rules);
    }

    /** @return what each fork runs per stage (seed 42, 64 inputs, allocation tracked: the harness's defaults) */
    Harness harness() {
        return Harness.builder().warmupIterations(warmup).warmupTime(warmupTime).iterations(iterations).rounds(rounds)
                .build();
    }

    /** @return the names of the stages measured, in order */
    List<String> stageNames() {
        return stages.isEmpty() ? RagSuite.STAGES : stages;
    }

    /**
     * Measures the stages in {@link #baselineForks()} fresh JVMs, one after another.
     *
     * @param jvmArgs options for every child after the inherited ones, not null
     * @return the run, every fork's rounds kept
     * @throws IOException when a temporary file cannot be written or read
     * @throws InterruptedException when interrupted while waiting for a child
     * @throws IllegalStateException when a child fails, with its command and output
     */
    Baseline measure(List<String> jvmArgs) throws IOException, InterruptedException {
        return forks(baselineForks, jvmArgs).measure();
    }

    /**
     * Gates the stages against a stored baseline, adding forks until decided or a cap.
     *
     * @param stored a baseline of this suite (see {@link #checkBaseline}), not null
     * @param jvmArgs options for every child after the inherited ones, not null
     * @return the gate's run
     * @throws IOException when a temporary file cannot be written or read
     * @throws InterruptedException when interrupted while waiting for a child
     * @throws IllegalStateException when a child fails, with its command and output
     */
    GateRun gate(Baseline stored, List<String> jvmArgs) throws IOException, InterruptedException {
        Gate gate = Gate.builder().rules(rules).confidence(CONFIDENCE).build();
        SequentialGate sequential = SequentialGate.builder().gate(gate).minRuns(minForks).maxRuns(maxForks)
                .maxTime(maxTime).build();
        return sequential.against(stored, forks(1, jvmArgs));
    }

    private Forks forks(int count, List<String> jvmArgs) {
        Forks.Builder f = Forks.builder().suite(RagSuite.class.getName()).forks(count).harness(harness());
        stages.forEach(f::stage);
        Args.notNull(jvmArgs, "jvmArgs").forEach(f::jvmArg);
        return f.build();
    }

    /**
     * Checks that a baseline was measured from this suite ({@code --save-baseline}), not a run of
     * the whole pipeline ({@code run.json}), whose stages share some names but not the inputs.
     *
     * @param stored the baseline, not null
     * @param file where it was read from, for the message
     * @throws IllegalArgumentException naming the file, the stages expected and the stages found
     */
    void checkBaseline(Baseline stored, Path file) {
        Set<String> found = new TreeSet<>(stored.stages().keySet());
        boolean ok = !found.isEmpty() && RagSuite.STAGES.containsAll(found);
        if (!ok) {
            throw new IllegalArgumentException("baseline " + file + " must hold stages of the gate suite " + RagSuite.STAGES
                    + " (a gate-baseline.json written by --save-baseline), but holds " + found);
        }
    }

    /** @return how the forks measure, for the console: warm-up, rounds and calls per stage */
    String describeFork() {
        return String.format(Locale.ROOT, "each fork, per stage: %,d warm-up calls and at least %s, then %d rounds of"
                + " %,d calls", warmup, Format.nanos(warmupTime.toNanos()), rounds, iterations);
    }

    /**
     * JVM options the children need beyond the ones they inherit: native access when this JVM has
     * it from the jar's manifest rather than from the command line (so the native backend stays
     * available in the children), and {@code -Dbudget4j.kernels=NAME} for {@code --backend NAME}.
     *
     * @param backend the backend {@code --backend} forces, or null
     * @return the options, possibly empty
     */
    static List<String> childJvmArgs(String backend) {
        List<String> out = new ArrayList<>();
        boolean inherited = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("--enable-native-access"));
        if (!inherited && SuiteGate.class.getModule().isNativeAccessEnabled()) {
            out.add("--enable-native-access=ALL-UNNAMED");
        }
        if (backend != null) {
            out.add("-D" + Kernels.BACKEND_PROPERTY + "=" + backend);
        }
        return out;
    }
}
