package dev.budget4j.profile;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import dev.budget4j.StageSnapshot;
import dev.budget4j.Verdict;
import dev.budget4j.internal.util.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * One stage's figures in a {@link Baseline}: its {@linkplain #snapshot() snapshot} over every
 * fork (the full latency histogram merged, so any percentile can be recomputed and runs merged;
 * throughput, allocation, peak RSS), per-round values of every gated dimension kept per fork (one
 * fork per JVM launch: what the gate's statistics are built from), and the budget the stage ran
 * under.
 */
public final class StageBaseline {
    /** The dimensions whose per-round values a baseline keeps. */
    public static final List<Dimension> RECORDED = List.of(Dimension.percentile(50), Dimension.percentile(90),
            Dimension.percentile(95), Dimension.percentile(99), Dimension.percentile(99.9), Dimension.MAX,
            Dimension.THROUGHPUT, Dimension.ERRORS, Dimension.ALLOCATION, Dimension.RSS);

    private final StageSnapshot figures;
    private final Budget budget;
    private final List<ForkRounds> forks;

    private StageBaseline(StageSnapshot figures, Budget budget, List<ForkRounds> forks) {
        this.figures = figures;
        this.budget = budget;
        this.forks = List.copyOf(forks);
    }

    /**
     * A stage baseline measured in one or more JVMs (forks), from the stage's figures over every
     * fork and each fork's per-round values. What was not measured is absent from {@code figures}
     * ({@link StageSnapshot#allocatedBytes()} or {@link StageSnapshot#peakRssBytes()} empty), never a
     * placeholder value: the gate then reads that dimension as not measured. The figures' own
     * checks (stage name not blank, failures in [0, calls], wall time {@code >= 0}, allocation and
     * RSS {@code >= 0}) are those of {@link StageSnapshot#builder}.
     *
     * @param figures the stage's figures over all forks: the merged latency histogram in nanoseconds,
     *     failures, summed wall time of the rounds, and allocation and RSS where measured; not null
     * @param forks per-fork per-round values, at least one, in launch order; copied
     * @param budget the budget the stage ran under, or null
     * @return the stage baseline
     * @throws NullPointerException when {@code figures}, {@code forks} or an element of it is null
     * @throws IllegalArgumentException when {@code forks} is empty
     */
    public static StageBaseline fromForks(StageSnapshot figures, List<ForkRounds> forks, Budget budget) {
        Require.notNull(figures, "figures");
        Require.notEmpty(forks, "forks");
        for (ForkRounds f : forks) {
            Require.notNull(f, "forks element");
        }
        return new StageBaseline(figures, budget, forks);
    }

    /**
     * A stage baseline measured in one JVM (one fork): {@link #fromForks} with the one fork
     * {@link ForkRounds#of(Map) ForkRounds.of(perRound)}.
     *
     * @param figures the stage's figures over the run: the latency histogram in nanoseconds,
     *     failures, summed wall time of the rounds, and allocation and RSS where measured; not null
     * @param perRound per-round values keyed by dimension label ({@code p99}, {@code throughput}, ...), not null
     * @param budget the budget the stage ran under, or null
     * @return the stage baseline
     * @throws NullPointerException when {@code figures} or {@code perRound} is null
     */
    public static StageBaseline fromRounds(StageSnapshot figures, Map<String, double[]> perRound, Budget budget) {
        Require.notNull(figures, "figures");
        return fromForks(figures, List.of(ForkRounds.of(Require.notNull(perRound, "perRound"))), budget);
    }

    /**
     * Merges the same stage measured in several JVMs into one: histograms added, calls, failures,
     * wall time and allocation summed, the highest peak RSS kept, and every fork kept in order.
     *
     * @param parts at least one, all of the same stage name and the same budget (or none)
     * @return the merged stage
     * @throws IllegalArgumentException naming the stage and what differs when the names or budgets differ
     */
    public static StageBaseline merge(List<StageBaseline> parts) {
        Require.notEmpty(parts, "parts");
        StageBaseline first = parts.get(0);
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        long failures = 0;
        long elapsed = 0;
        OptionalLong allocated = OptionalLong.of(0);
        OptionalLong peak = OptionalLong.empty();
        OptionalLong growth = OptionalLong.empty();
        List<ForkRounds> forks = new ArrayList<>();
        for (StageBaseline p : parts) {
            Require.notNull(p, "parts element");
            if (!p.stage().equals(first.stage())) {
                throw new IllegalArgumentException("parts must all be of one stage, but found '" + first.stage() + "' and '"
                        + p.stage() + "'");
            }
            if (!Objects.equals(String.valueOf(p.budget), String.valueOf(first.budget))) {
                throw new IllegalArgumentException("parts of stage '" + first.stage() + "' must share one budget, but found '"
                        + first.budget + "' and '" + p.budget + "'");
            }
            StageSnapshot f = p.figures;
            h.add(f.histogram());
            failures += f.failures();
            elapsed += f.elapsedNanos();
            allocated = sumIfBoth(allocated, f.allocatedBytes());
            peak = highestKnown(peak, f.peakRssBytes());
            growth = highestKnown(growth, f.rssGrowthBytes());
            forks.addAll(p.forks);
        }
        StageSnapshot.Builder merged = StageSnapshot.builder(first.stage(), h).failures(failures).elapsedNanos(elapsed);
        allocated.ifPresent(merged::allocatedBytes);
        if (peak.isPresent() && growth.isPresent()) {
            merged.rss(peak.getAsLong(), growth.getAsLong());
        }
        return fromForks(merged.build(), forks, first.budget);
    }

    /** The sum when both are measured; unknown when either is not. */
    private static OptionalLong sumIfBoth(OptionalLong a, OptionalLong b) {
        return a.isPresent() && b.isPresent() ? OptionalLong.of(a.getAsLong() + b.getAsLong()) : OptionalLong.empty();
    }

    /** The higher of the measured values; unknown only when neither is measured. */
    private static OptionalLong highestKnown(OptionalLong a, OptionalLong b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalLong.of(Math.max(a.getAsLong(), b.getAsLong()));
    }

    /**
     * A stage baseline from a harness run: {@link #of(StageSnapshot, List, Budget)} of the run's
     * {@linkplain HarnessResult#snapshot() snapshot} and {@linkplain HarnessResult#rounds() rounds}.
     *
     * @param result the run, not null
     * @param budget the budget the stage is held to, or null
     * @return the stage baseline
     */
    public static StageBaseline of(HarnessResult result, Budget budget) {
        Require.notNull(result, "result");
        return of(result.snapshot(), result.rounds(), budget);
    }

    /**
     * A stage baseline of one JVM from a stage's figures over a run and the same calls cut into
     * rounds (a harness's rounds, or a budgeted stage's {@link Rounds}). Each {@link #RECORDED}
     * dimension keeps one value per round ({@link StageSnapshot#value}); a dimension no round
     * measured but the whole run did (the peak RSS of a window around the run) keeps that one
     * value, as a single round.
     *
     * @param run the stage's figures over the whole run, not null
     * @param rounds the same calls cut into rounds, in order; may be empty when the stage was never called
     * @param budget the budget the stage ran under, or null
     * @return the stage baseline
     * @throws IllegalArgumentException when a round is of another stage
     */
    public static StageBaseline of(StageSnapshot run, List<StageSnapshot> rounds, Budget budget) {
        Require.notNull(run, "run");
        Require.notNull(rounds, "rounds");
        for (StageSnapshot r : rounds) {
            Require.that(Require.notNull(r, "rounds element").stage().equals(run.stage()), "rounds",
                    "must all be of stage '" + run.stage() + "'", r.stage());
        }
        Map<String, double[]> perRound = new LinkedHashMap<>();
        for (Dimension d : RECORDED) {
            double[] values = rounds.stream().mapToDouble(r -> r.value(d)).toArray();
            double whole = run.value(d);
            if (Arrays.stream(values).allMatch(Double::isNaN) && !Double.isNaN(whole)) {
                values = new double[] {whole};
            }
            perRound.put(d.label(), values);
        }
        return fromRounds(run, perRound, budget);
    }

    /** {@return the stage name} */
    public String stage() {
        return figures.stage();
    }

    /** {@return the budget the stage ran under} */
    public Optional<Budget> budget() {
        return Optional.ofNullable(budget);
    }

    /**
     * The stage's figures checked against the budget it ran under.
     *
     * @return the verdict, or empty when the stage has no budget
     */
    public Optional<Verdict> verdict() {
        return budget().map(b -> b.evaluate(figures));
    }

    /**
     * This stage with every fork marked as half of interleaved pair {@code pair}.
     *
     * @param pair {@code >= 0}
     * @param inStep whether the fork's rounds ran in step with the other half's ({@link ForkRounds#inStep()})
     * @return a copy
     */
    StageBaseline inPair(int pair, boolean inStep) {
        List<ForkRounds> marked = new ArrayList<>();
        forks.forEach(f -> marked.add(f.inPair(pair, inStep)));
        return new StageBaseline(figures, budget, marked);
    }

    /** {@return this stage with every fork marked as half of interleaved pair {@code pair}, not in step} */
    StageBaseline inPair(int pair) {
        return inPair(pair, false);
    }

    /** {@return every fork's per-round values, in launch order} */
    public List<ForkRounds> forks() {
        return forks;
    }

    /** {@return how many JVMs (forks) measured this stage, {@code >= 1}} */
    public int forkCount() {
        return forks.size();
    }

    /** {@return true when every fork belongs to an interleaved pair} */
    public boolean paired() {
        return forks.stream().allMatch(f -> f.pair() >= 0);
    }

    /** {@return per-round values of all forks, concatenated in fork order, keyed by dimension label} */
    public Map<String, double[]> perRoundValues() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (ForkRounds f : forks) {
            f.values().forEach((k, v) -> out.merge(k, v.clone(), StageBaseline::concat));
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * One dimension's per-round values, one array per fork.
     *
     * @param dimension the dimension, not null
     * @return one array per fork (empty arrays where a fork has no values for it)
     */
    public double[][] perFork(Dimension dimension) {
        Require.notNull(dimension, "dimension");
        double[][] out = new double[forks.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = forks.get(i).values(dimension);
        }
        return out;
    }

    /**
     * Per-round values of one dimension; for a latency dimension the baseline holds no rounds of,
     * recomputed from the full histogram as a single value.
     *
     * @param dimension the dimension
     * @return one value per round (NaN where not measured); empty when the dimension is unknown here
     */
    public double[] perRound(Dimension dimension) {
        double[] v = perRoundValues().get(Require.notNull(dimension, "dimension").label());
        if (v != null) {
            return v;
        }
        double whole = figures.value(dimension);
        return dimension.isLatency() && !Double.isNaN(whole) ? new double[] {whole} : new double[0];
    }

    /**
     * The stage's figures over every fork: the merged latency histogram in nanoseconds, calls,
     * failures, summed wall time, allocation and peak RSS where measured. Read any dimension with
     * {@link StageSnapshot#value}; check a budget with {@link Budget#evaluate}.
     *
     * @return the figures
     */
    public StageSnapshot snapshot() {
        return figures;
    }
}
