package dev.budget4j.profile;

import dev.budget4j.Dimension;
import dev.budget4j.Outcome;
import dev.budget4j.Verdict;
import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a current run with a baseline, per stage and per dimension, with ratio rules and a
 * statistical guard.
 *
 * <p>For each rule the gate computes the ratio current / baseline with a confidence interval
 * (default 95%). How depends on how the runs were measured (see
 * {@link #compare(RatioRule, StageBaseline, StageBaseline)}): interleaved pairs get a paired t
 * interval, forked runs a t interval over fork medians (JVM-to-JVM variance included), and runs of
 * one JVM each the old percentile bootstrap over rounds (2,000 resamples, fixed seed), marked as
 * blind to between-JVM noise. For an upper-bound rule {@code p99<=1.10x}:
 * <ul>
 *   <li>REGRESSION when the whole interval is above 1.10;</li>
 *   <li>IMPROVEMENT when the whole interval is below 1 / 1.10;</li>
 *   <li>PASS when the whole interval is at or below 1.10;</li>
 *   <li>INCONCLUSIVE when the interval straddles 1.10, or a side has no value.</li>
 * </ul>
 * Lower-bound rules ({@code throughput>=0.90x}) mirror this. A dimension measured in neither run
 * (RSS without a memory probe) is left out; one measured in only one run is INCONCLUSIVE. Deterministic dimensions (allocation
 * by default) are compared exactly, without an interval. A stage that carries an absolute budget
 * is also checked against it; a violated budget is a REGRESSION.
 *
 * <p>Different machine fingerprints are listed in the report; with
 * {@link Builder#refuseForeignMachine(boolean)} the comparison is refused instead.
 */
public final class Gate {
    private final GateRules rules;
    private final double confidence;
    private final int resamples;
    private final long seed;
    private final boolean refuseForeignMachine;
    private final Set<Dimension> deterministic;

    private Gate(Builder b) {
        this.rules = b.rules == null ? GateRules.defaults() : b.rules;
        this.confidence = b.confidence == null ? 0.95 : b.confidence;
        this.resamples = b.resamples == null ? 2_000 : b.resamples;
        this.seed = b.seed == null ? 1L : b.seed;
        this.refuseForeignMachine = b.refuseForeignMachine != null && b.refuseForeignMachine;
        this.deterministic = b.deterministic == null ? Set.of(Dimension.ALLOCATION) : Set.copyOf(b.deterministic);
    }

    /** {@return a gate with the defaults: {@link GateRules#defaults()}, 95% intervals} */
    public static Gate defaults() {
        return builder().build();
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the confidence level of the intervals, in [0.5, 0.999]} */
    public double confidence() {
        return confidence;
    }

    /** {@return the rules} */
    public GateRules rules() {
        return rules;
    }

    /**
     * Compares two runs.
     *
     * @param baseline the saved baseline, not null
     * @param current the run to check, not null
     * @return the report; a stage only in one run is listed as INCONCLUSIVE with a note
     * @throws IllegalArgumentException when the machines differ and foreign machines are refused
     */
    public GateReport compare(Baseline baseline, Baseline current) {
        Require.notNull(baseline, "baseline");
        Require.notNull(current, "current");
        List<String> diffs = baseline.machine().differences(current.machine());
        if (refuseForeignMachine && !diffs.isEmpty()) {
            throw new IllegalArgumentException("baseline and current run must come from the same machine, but they differ: "
                    + String.join("; ", diffs));
        }
        Set<String> names = new LinkedHashSet<>(baseline.stages().keySet());
        names.addAll(current.stages().keySet());
        List<StageComparison> out = new ArrayList<>();
        for (String name : names) {
            StageBaseline b = baseline.stages().get(name);
            StageBaseline c = current.stages().get(name);
            if (c == null) {
                out.add(new StageComparison(name, b, null, List.of(), null, GateStatus.INCONCLUSIVE,
                        "in the baseline but missing from the current run"));
            } else if (b == null) {
                out.add(new StageComparison(name, null, c, List.of(), verdict(c), budgetStatus(c, GateStatus.INCONCLUSIVE),
                        "new stage: not in the baseline, nothing to compare"));
            } else {
                out.add(compareStage(name, b, c));
            }
        }
        return GateReport.of(baseline, current, out, diffs, confidence);
    }

    private static Verdict verdict(StageBaseline c) {
        return c.verdict().orElse(null);
    }

    private static GateStatus budgetStatus(StageBaseline c, GateStatus status) {
        Verdict v = verdict(c);
        return v != null && v.outcome() == Outcome.VIOLATED ? GateStatus.REGRESSION : status;
    }

    private StageComparison compareStage(String name, StageBaseline b, StageBaseline c) {
        List<DimensionComparison> dims = new ArrayList<>();
        GateStatus worst = GateStatus.IMPROVEMENT;
        boolean any = false;
        for (RatioRule rule : rules.rulesFor(name)) {
            double[] base = b.perRound(rule.dimension());
            double[] cur = c.perRound(rule.dimension());
            if (finite(base).length == 0 && finite(cur).length == 0) {
                continue; // measured in neither run (e.g. RSS without a probe): nothing to gate
            }
            DimensionComparison d = compare(rule, b, c);
            dims.add(d);
            worst = worst.worse(d.status());
            any = true;
        }
        if (!any) {
            worst = GateStatus.INCONCLUSIVE;
        }
        Verdict v = verdict(c);
        String note = "";
        if (v != null && v.outcome() == Outcome.VIOLATED) {
            worst = GateStatus.REGRESSION;
            note = "absolute budget violated: " + v.budget();
        }
        return new StageComparison(name, b, c, dims, v, worst, note);
    }

    /**
     * Compares one dimension of a stage, choosing the statistics by how the runs were measured:
     * <ul>
     *   <li>both runs interleaved in pairs ({@link StageBaseline#paired()}, same pair indices):
     *       a paired t interval of the per-pair ratios of fork medians; for duet pairs whose rounds
     *       ran in step on traded CPUs ({@link ForkRounds#inStep()}), the per-pair ratio comes from
     *       the rounds that ran side by side instead: the median ratio of the even rounds and that
     *       of the odd rounds, averaged on logarithms, so the two CPUs' difference cancels;</li>
     *   <li>forks (three or more in all, two or more on one side): a t interval of the ratio of
     *       geometric means of fork medians, so JVM-to-JVM variance is in the interval;</li>
     *   <li>one fork on each side: the bootstrap over rounds of {@link #compare(RatioRule, double[], double[])},
     *       with a note that between-JVM noise is unknown.</li>
     * </ul>
     * Deterministic dimensions are compared exactly in every case.
     *
     * @param rule the rule
     * @param baseline the baseline stage
     * @param current the current stage
     * @return the comparison
     */
    public DimensionComparison compare(RatioRule rule, StageBaseline baseline, StageBaseline current) {
        Require.notNull(rule, "rule");
        Require.notNull(baseline, "baseline");
        Require.notNull(current, "current");
        Dimension dim = rule.dimension();
        if (deterministic.contains(dim)) {
            return compare(rule, baseline.perRound(dim), current.perRound(dim));
        }
        double[][] bf = baseline.perFork(dim);
        double[][] cf = current.perFork(dim);
        double[] pb;
        double[] pc;
        double[] est;
        String how;
        int[] pairs = pairs(baseline, current, bf, cf);
        if (pairs != null && pairs.length >= 2) {
            pb = new double[pairs.length];
            pc = new double[pairs.length];
            double[] inStep = new double[pairs.length];
            boolean allInStep = true;
            for (int i = 0; i < pairs.length; i++) {
                int bi = indexOfPair(baseline, pairs[i]);
                int ci = indexOfPair(current, pairs[i]);
                pb[i] = Stats.median(Stats.finite(bf[bi]));
                pc[i] = Stats.median(Stats.finite(cf[ci]));
                allInStep &= baseline.forks().get(bi).inStep() && current.forks().get(ci).inStep();
                if (allInStep) {
                    inStep[i] = Stats.alternatingLogRatio(bf[bi], cf[ci]);
                    allInStep = !Double.isNaN(inStep[i]);
                }
            }
            if (allInStep) {
                est = Stats.meanLogInterval(inStep, confidence);
                how = pairs.length + " duet pairs, rounds in step on traded CPUs, paired t";
            } else {
                est = Stats.pairedLogRatio(pb, pc, confidence);
                how = pairs.length + " interleaved pairs, paired t";
            }
        } else {
            pb = Stats.forkMedians(bf);
            pc = Stats.forkMedians(cf);
            if (pb.length + pc.length < 3 || Math.max(pb.length, pc.length) < 2) {
                DimensionComparison d = compare(rule, baseline.perRound(dim), current.perRound(dim));
                String note = "one fork per run: between-JVM noise is unknown, the interval covers rounds only";
                return new DimensionComparison(rule, d.baseline(), d.current(), d.ratio(), d.ciLow(), d.ciHigh(), d.status(),
                        d.note().isEmpty() ? note : d.note() + "; " + note);
            }
            est = Stats.unpairedLogRatio(pb, pc, confidence);
            how = pb.length + " vs " + pc.length + " forks, t on fork medians";
        }
        if (Double.isNaN(est[0])) {
            DimensionComparison d = compare(rule, baseline.perRound(dim), current.perRound(dim));
            return new DimensionComparison(rule, d.baseline(), d.current(), d.ratio(), d.ciLow(), d.ciHigh(), d.status(),
                    "a fork value is 0 or missing, fell back to rounds: " + d.note());
        }
        double gb = Stats.geometricMean(pb);
        double gc = Stats.geometricMean(pc);
        GateStatus status = decide(rule, est[1], est[2]);
        String note = status == GateStatus.INCONCLUSIVE ? how + "; interval straddles the rule, more forks would settle it" : how;
        return new DimensionComparison(rule, gb, gc, est[0], est[1], est[2], status, note);
    }

    /** The pair indices both runs share when both are wholly paired, else null. */
    private static int[] pairs(StageBaseline b, StageBaseline c, double[][] bf, double[][] cf) {
        if (!b.paired() || !c.paired()) {
            return null;
        }
        Set<Integer> inB = new LinkedHashSet<>();
        for (int i = 0; i < bf.length; i++) {
            if (Stats.finite(bf[i]).length > 0) {
                inB.add(b.forks().get(i).pair());
            }
        }
        List<Integer> shared = new ArrayList<>();
        for (int i = 0; i < cf.length; i++) {
            int p = c.forks().get(i).pair();
            if (Stats.finite(cf[i]).length > 0 && inB.contains(p) && !shared.contains(p)) {
                shared.add(p);
            }
        }
        return shared.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int indexOfPair(StageBaseline s, int pair) {
        for (int i = 0; i < s.forkCount(); i++) {
            if (s.forks().get(i).pair() == pair) {
                return i;
            }
        }
        throw new IllegalStateException("pair " + pair + " not found in stage " + s.stage());
    }

    private static GateStatus decide(RatioRule rule, double low, double high) {
        double t = rule.ratio();
        if (rule.upperBound()) {
            if (low > t) {
                return GateStatus.REGRESSION;
            } else if (high < 1 / t && high < 1) {
                return GateStatus.IMPROVEMENT;
            } else if (high <= t) {
                return GateStatus.PASS;
            }
            return GateStatus.INCONCLUSIVE;
        }
        if (high < t) {
            return GateStatus.REGRESSION;
        } else if (low > 1 / t && low > 1) {
            return GateStatus.IMPROVEMENT;
        } else if (low >= t) {
            return GateStatus.PASS;
        }
        return GateStatus.INCONCLUSIVE;
    }

    /**
     * Compares one dimension from per-round values.
     *
     * @param rule the rule
     * @param baselineRounds the baseline's per-round values (NaN = not measured)
     * @param currentRounds the current run's per-round values
     * @return the comparison
     */
    public DimensionComparison compare(RatioRule rule, double[] baselineRounds, double[] currentRounds) {
        Require.notNull(rule, "rule");
        double[] base = finite(Require.notNull(baselineRounds, "baselineRounds"));
        double[] cur = finite(Require.notNull(currentRounds, "currentRounds"));
        if (base.length == 0 || cur.length == 0) {
            String side = base.length == 0 && cur.length == 0 ? "either run" : base.length == 0 ? "the baseline" : "the current run";
            return new DimensionComparison(rule, Stats.median(base), Stats.median(cur), Double.NaN, Double.NaN, Double.NaN,
                    GateStatus.INCONCLUSIVE, "not measured in " + side);
        }
        double mb = Stats.median(base);
        double mc = Stats.median(cur);
        double ratio = mb == 0 ? (mc == 0 ? 1 : Double.POSITIVE_INFINITY) : mc / mb;
        double low;
        double high;
        String note;
        if (deterministic.contains(rule.dimension())) {
            low = ratio;
            high = ratio;
            note = "deterministic: compared exactly";
        } else {
            double[] ci = Stats.bootstrapRatioOfMedians(base, cur, confidence, resamples, seed);
            low = ci[0];
            high = ci[1];
            note = base.length < 3 || cur.length < 3 ? "fewer than 3 rounds: the interval is unreliable" : "";
        }
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return new DimensionComparison(rule, mb, mc, ratio, low, high, GateStatus.INCONCLUSIVE,
                    "baseline value is 0, no ratio");
        }
        GateStatus status = decide(rule, low, high);
        if (status == GateStatus.INCONCLUSIVE && note.isEmpty()) {
            note = "interval straddles the rule; more rounds would settle it";
        }
        return new DimensionComparison(rule, mb, mc, ratio, low, high, status, note);
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    /** Configures a {@link Gate}; each setting may be given once. */
    public static final class Builder {
        private GateRules rules;
        private Double confidence;
        private Integer resamples;
        private Long seed;
        private Boolean refuseForeignMachine;
        private Set<Dimension> deterministic;

        private Builder() {
        }

        /**
         * Sets the ratio rules a candidate is held to.
         *
         * @param rules the ratio rules, not null (default {@link GateRules#defaults()})
         * @return this builder
         */
        public Builder rules(GateRules rules) {
            this.rules = Require.once(this.rules, Require.notNull(rules, "rules"), "rules");
            return this;
        }

        /**
         * Sets the confidence level of the intervals.
         *
         * @param level confidence of the bootstrap interval, in [0.5, 0.999] (default 0.95)
         * @return this builder
         */
        public Builder confidence(double level) {
            this.confidence = Require.once(confidence, Require.inRange(level, 0.5, 0.999, "confidence"), "confidence");
            return this;
        }

        /**
         * Sets how many bootstrap resamples each interval is built from.
         *
         * @param count bootstrap resamples, in [100, 1,000,000] (default 2,000)
         * @return this builder
         */
        public Builder resamples(int count) {
            Require.that(count >= 100 && count <= 1_000_000, "resamples", "must be in [100, 1000000]", count);
            this.resamples = Require.once(resamples, count, "resamples");
            return this;
        }

        /**
         * Sets the bootstrap's random seed, so a comparison can be repeated exactly.
         *
         * @param seed the bootstrap's random seed (default 1)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = Require.once(this.seed, seed, "seed");
            return this;
        }

        /**
         * Sets whether a comparison across different machines fails instead of being flagged.
         *
         * @param refuse throw instead of flagging when the machine fingerprints differ (default false)
         * @return this builder
         */
        public Builder refuseForeignMachine(boolean refuse) {
            this.refuseForeignMachine = Require.once(refuseForeignMachine, refuse, "refuseForeignMachine");
            return this;
        }

        /**
         * Sets the dimensions that are compared exactly instead of with an interval.
         *
         * @param dimensions dimensions compared exactly, without an interval (default: alloc)
         * @return this builder
         */
        public Builder deterministic(Set<Dimension> dimensions) {
            this.deterministic = Require.once(deterministic, Set.copyOf(Require.notNull(dimensions, "deterministic")), "deterministic");
            return this;
        }

        /** {@return the gate} */
        public Gate build() {
            return new Gate(this);
        }
    }
}
