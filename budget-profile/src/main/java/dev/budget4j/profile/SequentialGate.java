package dev.budget4j.profile;

import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.ChildJvm;
import dev.budget4j.profile.internal.RoundSync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A gate that measures until it can decide: it adds forks (or pairs of forks) while the
 * comparison is INCONCLUSIVE, and stops when every stage is decided, or when the next run would
 * pass the time cap, or at the run cap.
 *
 * <p>Two designs:
 * <ul>
 *   <li>{@link #interleave(Forks, Forks)}: randomized multiple interleaved trials (Abedi and
 *       Brecht, ICPE 2017). Pair {@code i} is one baseline-build fork and one candidate-build fork,
 *       run back to back in a random order (or at the same time in duet mode, launched in a
 *       balanced random order, each timed round of the one starting with the same round of the
 *       other), so slow drifts of a shared machine hit both halves; the gate then tests the
 *       paired ratios.</li>
 *   <li>{@link #against(Baseline, Forks)}: the candidate's forks against a stored baseline (from
 *       an earlier job); the interval includes JVM-to-JVM variance on both sides but cannot
 *       remove drift between the two jobs.</li>
 * </ul>
 * Every look uses the gate's confidence level (the command line uses 99% for sequential gates so
 * repeated looks cost little error); looks start at {@link Builder#minRuns(int)}.
 */
public final class SequentialGate {
    private final Gate gate;
    private final int minRuns;
    private final int maxRuns;
    private final Duration maxTime;
    private final long seed;
    private final boolean duet;

    private SequentialGate(Builder b) {
        this.gate = b.gate == null ? Gate.builder().confidence(0.99).build() : b.gate;
        this.minRuns = b.minRuns == null ? 5 : b.minRuns;
        this.maxRuns = b.maxRuns == null ? 60 : b.maxRuns;
        Require.that(maxRuns >= minRuns, "maxRuns", "must be >= minRuns (" + minRuns + ")", maxRuns);
        this.maxTime = b.maxTime == null ? Duration.ofSeconds(150) : b.maxTime;
        this.seed = b.seed == null ? System.nanoTime() : b.seed;
        this.duet = b.duet != null && b.duet;
    }

    /**
     * A builder: a 99% gate with the default rules, at least 5 and at most 60 runs, a 150 s time
     * cap, a seed from the clock, no duet.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the baseline build and the candidate build in interleaved pairs until decided.
     *
     * @param baseline forks of the baseline build (its class path, JVM options, suite and stages), not null
     * @param candidate forks of the candidate build, not null
     * @return the run
     * @throws IOException when a temporary file cannot be written or read
     * @throws InterruptedException when interrupted while waiting for a child
     * @throws IllegalStateException when a child fails, with its command and output
     */
    public GateRun interleave(Forks baseline, Forks candidate) throws IOException, InterruptedException {
        Require.notNull(baseline, "baseline");
        Require.notNull(candidate, "candidate");
        SplittableRandom order = new SplittableRandom(seed);
        String settings = String.format(Locale.ROOT, "interleaved%s, %d to %d pairs, time cap %d s, seed %d, %.0f%% intervals",
                duet ? " (duet: both halves at once, rounds in step, CPUs traded every round)" : " (randomized order)", minRuns, maxRuns, maxTime.toSeconds(), seed,
                gate.confidence() * 100);
        Path dir = Files.createTempDirectory("budget4j-interleave");
        long start = System.nanoTime();
        List<Baseline> as = new ArrayList<>();
        List<Baseline> bs = new ArrayList<>();
        boolean[] candidateFirst = new boolean[1];
        try {
            Stop stop = sequence(start, "pairs", as::size, () -> gate.compare(Baseline.merge(as), Baseline.merge(bs)), n -> {
                if (duet) {
                    candidateFirst[0] = candidateFirst(n, candidateFirst[0], order);
                    duet(baseline, candidate, dir, n, as, bs, candidateFirst[0]);
                } else if (order.nextBoolean()) {
                    as.add(baseline.collect(baseline.start(dir), n));
                    bs.add(candidate.collect(candidate.start(dir), n));
                } else {
                    bs.add(candidate.collect(candidate.start(dir), n));
                    as.add(baseline.collect(baseline.start(dir), n));
                }
            });
            return finish(stop, Baseline.merge(as), Baseline.merge(bs), as.size(), start, settings);
        } finally {
            Forks.deleteDirectory(dir);
        }
    }

    /**
     * Runs the candidate's forks one after another, comparing them with a stored baseline after
     * each from {@link Builder#minRuns(int)} on, until decided.
     *
     * @param stored the baseline, typically from an earlier job, not null
     * @param candidate the candidate's forks, not null
     * @return the run
     * @throws IOException when a temporary file cannot be written or read
     * @throws InterruptedException when interrupted while waiting for a child
     * @throws IllegalStateException when a child fails, with its command and output
     */
    public GateRun against(Baseline stored, Forks candidate) throws IOException, InterruptedException {
        Require.notNull(stored, "stored");
        Require.notNull(candidate, "candidate");
        String settings = String.format(Locale.ROOT, "forked against a stored baseline, %d to %d forks, time cap %d s, %.0f%% intervals",
                minRuns, maxRuns, maxTime.toSeconds(), gate.confidence() * 100);
        Path dir = Files.createTempDirectory("budget4j-forks");
        long start = System.nanoTime();
        List<Baseline> runs = new ArrayList<>();
        try {
            Stop stop = sequence(start, "forks", runs::size, () -> gate.compare(stored, Baseline.merge(runs)),
                    n -> runs.add(candidate.collect(candidate.start(dir), -1)));
            return finish(stop, stored, Baseline.merge(runs), runs.size(), start, settings);
        } finally {
            Forks.deleteDirectory(dir);
        }
    }

    /**
     * Whether duet pair {@code pair} launches the candidate first: drawn for the first pair of each
     * block of two, the other way round for the second, so that every even number of pairs has
     * both orders equally often.
     *
     * @param pair the pair's index, from 0
     * @param previous the order of pair {@code pair - 1}
     * @param order the random source
     * @return true when the candidate's JVM is to be launched first
     */
    static boolean candidateFirst(int pair, boolean previous, SplittableRandom order) {
        return pair % 2 == 0 ? order.nextBoolean() : !previous;
    }

    /**
     * Runs one duet pair: both halves at once, every timed round of the one starting with the
     * same round of the other and the two trading CPUs every round ({@link RoundSync}), so that
     * both measure the same stretch of time on both CPUs. The half launched second runs about
     * 1 % slower (measured on an allocation-heavy stage, docs/validity.md), so the launch order
     * is balanced: drawn at random for each block of two pairs, the second pair of the block the
     * other way round.
     */
    private static void duet(Forks baseline, Forks candidate, Path dir, int pair, List<Baseline> as, List<Baseline> bs,
                             boolean candidateFirst) throws IOException, InterruptedException {
        RoundSync sync = new RoundSync();
        ChildJvm first = (candidateFirst ? candidate : baseline).start(dir, sync);
        ChildJvm second;
        try {
            second = (candidateFirst ? baseline : candidate).start(dir, sync);
        } catch (IOException | RuntimeException e) {
            first.discard();
            throw e;
        }
        ChildJvm a = candidateFirst ? second : first;
        ChildJvm b = candidateFirst ? first : second;
        boolean done = false;
        try {
            Baseline ra = baseline.collect(a, pair, true);
            Baseline rb = candidate.collect(b, pair, true);
            as.add(ra);
            bs.add(rb);
            done = true;
        } finally {
            if (!done) {
                a.discard();
                b.discard();
            }
        }
    }

    /**
     * True when more runs cannot change the outcome: a stage regressed, or no dimension has an
     * interval that straddles its rule. A stage missing on one side, or a dimension measured on one
     * side only, stays INCONCLUSIVE however many runs are added, so it does not keep the gate going.
     */
    static boolean decided(GateReport report) {
        if (report.status() == GateStatus.REGRESSION) {
            return true;
        }
        for (StageComparison s : report.stages()) {
            if (s.baseline() == null || s.current() == null) {
                continue;
            }
            for (DimensionComparison d : s.dimensions()) {
                if (d.status() == GateStatus.INCONCLUSIVE && Double.isFinite(d.ciLow()) && Double.isFinite(d.ciHigh())) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * What it would take to settle the slowest undecided dimension, for a gate stopped at a cap:
     * with its interval's half-width {@code h} after {@code n} runs and the distance {@code m}
     * between its ratio and the rule's threshold (both on logarithms), about {@code n (h / m)^2}
     * runs, if the ratio and the spread stay as they are (the t quantile shrinks with more runs,
     * so this errs long). Empty when nothing is undecided.
     */
    static String projection(GateReport report, int runs, long elapsedNanos, String unit) {
        double worst = -1;
        String what = null;
        for (StageComparison s : report.stages()) {
            if (s.baseline() == null || s.current() == null) {
                continue;
            }
            for (DimensionComparison d : s.dimensions()) {
                if (d.status() != GateStatus.INCONCLUSIVE || !(d.ciLow() > 0) || !Double.isFinite(d.ciHigh()) || !(d.ratio() > 0)) {
                    continue;
                }
                double h = (Math.log(d.ciHigh()) - Math.log(d.ciLow())) / 2;
                double m = Math.abs(Math.log(d.ratio()) - Math.log(d.rule().ratio()));
                double need = m < 1e-9 ? Double.POSITIVE_INFINITY : runs * (h / m) * (h / m);
                if (need > worst) {
                    worst = need;
                    what = d.rule().dimension().label() + " of '" + s.stage() + "' (ratio " + String.format(Locale.ROOT, "%.3f", d.ratio())
                            + ", rule " + d.rule() + ")";
                }
            }
        }
        if (what == null) {
            return "";
        }
        if (worst > 100_000) {
            return "; " + what + " sits on the rule's threshold: more " + unit + " would not settle it";
        }
        long need = (long) Math.ceil(worst);
        double minutes = need * (elapsedNanos / 1e9 / Math.max(1, runs)) / 60;
        return String.format(Locale.ROOT, "; at the spread seen, %s would need about %d %s (about %.0f min) to settle", what, need, unit,
                Math.max(1, Math.ceil(minutes)));
    }

    /** One more pair or fork; {@code n} is how many there are so far. */
    private interface Step {
        void run(int n) throws IOException, InterruptedException;
    }

    private record Stop(GateReport report, String reason) {
    }

    /** Looks after each run from the minimum on; stops when decided, at the run cap, or before the time cap. */
    private Stop sequence(long start, String unit, IntSupplier count, Supplier<GateReport> look, Step step)
            throws IOException, InterruptedException {
        long lastRun = 0;
        while (true) {
            int n = count.getAsInt();
            if (n >= minRuns) {
                GateReport report = look.get();
                if (decided(report)) {
                    return new Stop(report, "decided");
                }
                if (n >= maxRuns) {
                    return new Stop(report, "run cap reached, still inconclusive" + projection(report, n, System.nanoTime() - start, unit));
                }
                if (System.nanoTime() - start + lastRun > maxTime.toNanos()) {
                    return new Stop(report, "time cap reached, still inconclusive" + projection(report, n, System.nanoTime() - start, unit));
                }
            }
            long t0 = System.nanoTime();
            step.run(n);
            lastRun = System.nanoTime() - t0;
        }
    }

    private static GateRun finish(Stop stop, Baseline base, Baseline cur, int runs, long start, String settings) {
        return new GateRun(stop.report(), base, cur, runs, Duration.ofNanos(System.nanoTime() - start), stop.reason(), settings);
    }

    /** Configures a {@link SequentialGate}; each setting may be given once. */
    public static final class Builder {
        private Gate gate;
        private Integer minRuns;
        private Integer maxRuns;
        private Duration maxTime;
        private Long seed;
        private Boolean duet;

        private Builder() {
        }

        /**
         * Sets the rules and the confidence of every look at the results.
         *
         * @param gate rules and confidence of every look, not null (default: default rules, 99%)
         * @return this builder
         */
        public Builder gate(Gate gate) {
            this.gate = Require.once(this.gate, Require.notNull(gate, "gate"), "gate");
            return this;
        }

        /**
         * Sets how many pairs (or forks) run before the first look.
         *
         * @param runs pairs (or forks) before the first look, in [2, 1000] (default 5)
         * @return this builder
         */
        public Builder minRuns(int runs) {
            Require.that(runs >= 2 && runs <= 1000, "minRuns", "must be in [2, 1000]", runs);
            this.minRuns = Require.once(this.minRuns, runs, "minRuns");
            return this;
        }

        /**
         * Sets the most pairs (or forks) the gate runs before it gives up deciding.
         *
         * @param runs the most pairs (or forks), in [2, 1000] and {@code >= minRuns} (default 60)
         * @return this builder
         */
        public Builder maxRuns(int runs) {
            Require.that(runs >= 2 && runs <= 1000, "maxRuns", "must be in [2, 1000]", runs);
            this.maxRuns = Require.once(this.maxRuns, runs, "maxRuns");
            return this;
        }

        /**
         * Caps the time the gate may take.
         *
         * @param cap no new pair (or fork) starts when the last one's duration would take the gate
         *     past this, {@code > 0} (default 150 s); the minimum runs always run
         * @return this builder
         */
        public Builder maxTime(Duration cap) {
            Require.notNull(cap, "maxTime");
            Require.that(!cap.isNegative() && !cap.isZero(), "maxTime", "must be > 0", cap);
            this.maxTime = Require.once(this.maxTime, cap, "maxTime");
            return this;
        }

        /**
         * Sets the seed of the random order within each pair.
         *
         * @param seed seed of the random order of each pair (default: from the clock, printed in the report)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = Require.once(this.seed, seed, "seed");
            return this;
        }

        /**
         * Sets whether both halves of a pair run at the same time (duet benchmarking). In duet mode
         * the two child JVMs warm up on their own, then start every timed round together (the one
         * that is ready first waits for the other) and trade CPUs every round, so both measure the
         * same stretch of time on both CPUs and the gate can compare their rounds side by side.
         *
         * @param on run both halves of a pair at the same time (duet benchmarking) instead of in random order
         * @return this builder
         */
        public Builder duet(boolean on) {
            this.duet = Require.once(this.duet, on, "duet");
            return this;
        }

        /** {@return the configuration} */
        public SequentialGate build() {
            return new SequentialGate(this);
        }
    }
}
