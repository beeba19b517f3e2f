package dev.budget4j.profile;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import dev.budget4j.StageSnapshot;
import dev.budget4j.internal.util.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * One stage's figures in a {@link Baseline}: the full latency histogram of every fork merged (so
 * any percentile can be recomputed and runs merged), per-round values of every gated dimension
 * kept per fork (one fork per JVM launch: what the gate's statistics are built from), throughput,
 * allocation, peak RSS and the budget the stage ran under.
 */
public final class StageBaseline {
    /** The dimensions whose per-round values a baseline keeps. */
    public static final List<Dimension> RECORDED = List.of(Dimension.percentile(50), Dimension.percentile(90),
            Dimension.percentile(95), Dimension.percentile(99), Dimension.percentile(99.9), Dimension.MAX,
            Dimension.THROUGHPUT, Dimension.ERRORS, Dimension.ALLOCATION, Dimension.RSS);

    private final String stage;
    private final Histogram histogram;
    private final long failures;
    private final long elapsedNanos;
    private final long allocatedBytes;
    private final long peakRssBytes;
    private final long rssGrowthBytes;
    private final Budget budget;
    private final List<ForkRounds> forks;

    /**
     * Creates a stage baseline measured in one JVM (one fork).
     *
     * @param stage the stage name, not blank
     * @param histogram all latencies in nanoseconds, copied
     * @param failures calls that threw, in [0, calls]
     * @param elapsedNanos summed wall time of the rounds, {@code >= 0}
     * @param allocatedBytes bytes allocated in the calls, or {@code -1} when not measured
     * @param peakRssBytes peak RSS in bytes, or {@code -1} when not measured
     * @param rssGrowthBytes peak RSS minus RSS at the start in bytes, or {@code -1} when not measured
     * @param budget the budget the stage ran under, or null
     * @param perRound per-round values keyed by dimension label ({@code p99}, {@code throughput}, ...)
     */
    public StageBaseline(String stage, Histogram histogram, long failures, long elapsedNanos, long allocatedBytes,
            long peakRssBytes, long rssGrowthBytes, Budget budget, Map<String, double[]> perRound) {
        this(stage, histogram, failures, elapsedNanos, allocatedBytes, peakRssBytes, rssGrowthBytes, budget,
                List.of(ForkRounds.of(Require.notNull(perRound, "perRound"))));
    }

    /**
     * Creates a stage baseline measured in one or more JVMs (forks).
     *
     * @param stage the stage name, not blank
     * @param histogram all latencies of all forks in nanoseconds, copied
     * @param failures calls that threw, in [0, calls]
     * @param elapsedNanos summed wall time of the rounds of all forks, {@code >= 0}
     * @param allocatedBytes bytes allocated in the calls, or {@code -1} when not measured
     * @param peakRssBytes highest peak RSS of any fork in bytes, or {@code -1} when not measured
     * @param rssGrowthBytes highest RSS growth of any fork in bytes, or {@code -1} when not measured
     * @param budget the budget the stage ran under, or null
     * @param forks per-fork per-round values, at least one, in launch order
     */
    public StageBaseline(String stage, Histogram histogram, long failures, long elapsedNanos, long allocatedBytes,
            long peakRssBytes, long rssGrowthBytes, Budget budget, List<ForkRounds> forks) {
        this.stage = Require.notBlank(stage, "stage");
        this.histogram = Require.notNull(histogram, "histogram").copy();
        Require.that(failures >= 0 && failures <= histogram.getTotalCount(), "failures", "must be in [0, calls]", failures);
        this.failures = failures;
        this.elapsedNanos = Require.atLeast(elapsedNanos, 0, "elapsedNanos");
        this.allocatedBytes = allocatedBytes;
        this.peakRssBytes = peakRssBytes;
        this.rssGrowthBytes = rssGrowthBytes;
        this.budget = budget;
        this.forks = List.copyOf(Require.notEmpty(forks, "forks"));
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
        long allocated = 0;
        long peak = -1;
        long growth = -1;
        boolean allocationKnown = true;
        List<ForkRounds> forks = new ArrayList<>();
        for (StageBaseline p : parts) {
            Require.notNull(p, "parts element");
            if (!p.stage.equals(first.stage)) {
                throw new IllegalArgumentException("parts must all be of one stage, but found '" + first.stage + "' and '"
                        + p.stage + "'");
            }
            if (!Objects.equals(String.valueOf(p.budget), String.valueOf(first.budget))) {
                throw new IllegalArgumentException("parts of stage '" + first.stage + "' must share one budget, but found '"
                        + first.budget + "' and '" + p.budget + "'");
            }
            h.add(p.histogram);
            failures += p.failures;
            elapsed += p.elapsedNanos;
            allocationKnown &= p.allocatedBytes >= 0;
            allocated += Math.max(0, p.allocatedBytes);
            peak = Math.max(peak, p.peakRssBytes);
            growth = Math.max(growth, p.rssGrowthBytes);
            forks.addAll(p.forks);
        }
        return new StageBaseline(first.stage, h, failures, elapsed, allocationKnown ? allocated : -1, peak, growth,
                first.budget, forks);
    }

    /**
     * A stage baseline from a harness run.
     *
     * @param result the run, not null
     * @param budget the budget the stage is held to, or null
     * @return the stage baseline
     */
    public static StageBaseline of(HarnessResult result, Budget budget) {
        Require.notNull(result, "result");
        StageSnapshot s = result.snapshot();
        Map<String, double[]> rounds = new LinkedHashMap<>();
        for (Dimension d : RECORDED) {
            rounds.put(d.label(), result.perRound(d));
        }
        return new StageBaseline(result.stage(), result.mergedHistogram(), s.failures(), s.elapsedNanos(),
                s.allocatedBytes().orElse(-1), s.peakRssBytes().orElse(-1), s.rssGrowthBytes().orElse(-1), budget, rounds);
    }

    /** {@return the stage name} */
    public String stage() {
        return stage;
    }

    /** {@return a copy of the full latency histogram, nanoseconds} */
    public Histogram histogram() {
        return histogram.copy();
    }

    /** {@return calls measured} */
    public long calls() {
        return histogram.getTotalCount();
    }

    /** {@return calls that threw} */
    public long failures() {
        return failures;
    }

    /** {@return summed wall time of the measured rounds, nanoseconds} */
    public long elapsedNanos() {
        return elapsedNanos;
    }

    /**
     * A latency percentile recomputed from the full histogram.
     *
     * @param percentile in (0, 100]
     * @return nanoseconds, 0 with no calls
     */
    public long percentileNanos(double percentile) {
        Require.that(percentile > 0 && percentile <= 100, "percentile", "must be in (0, 100]", percentile);
        return histogram.getValueAtPercentile(percentile);
    }

    /** {@return calls per second over the summed wall time, NaN with none} */
    public double throughputPerSecond() {
        return elapsedNanos == 0 ? Double.NaN : calls() * 1e9 / elapsedNanos;
    }

    /** {@return mean bytes allocated per call, NaN when not measured} */
    public double allocatedBytesPerCall() {
        return allocatedBytes < 0 || calls() == 0 ? Double.NaN : (double) allocatedBytes / calls();
    }

    /** {@return bytes allocated in all calls, -1 when not measured} */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    /** {@return peak RSS in bytes, -1 when not measured} */
    public long peakRssBytes() {
        return peakRssBytes;
    }

    /** {@return peak RSS minus RSS at the start in bytes, -1 when not measured} */
    public long rssGrowthBytes() {
        return rssGrowthBytes;
    }

    /** {@return the budget the stage ran under} */
    public Optional<Budget> budget() {
        return Optional.ofNullable(budget);
    }

    /**
     * This stage with every fork marked as half of interleaved pair {@code pair}.
     *
     * @param pair {@code >= 0}
     * @return a copy
     */
    StageBaseline inPair(int pair) {
        List<ForkRounds> marked = new ArrayList<>();
        forks.forEach(f -> marked.add(f.inPair(pair)));
        return new StageBaseline(stage, histogram, failures, elapsedNanos, allocatedBytes, peakRssBytes, rssGrowthBytes,
                budget, marked);
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
     * Per-round values of one dimension; recomputed from the histogram as a single value when the
     * baseline holds no rounds for it.
     *
     * @param dimension the dimension
     * @return one value per round (NaN where not measured); empty when the dimension is unknown here
     */
    public double[] perRound(Dimension dimension) {
        double[] v = perRoundValues().get(Require.notNull(dimension, "dimension").label());
        if (v != null) {
            return v;
        }
        if (dimension.kind() == Dimension.Kind.PERCENTILE && calls() > 0) {
            return new double[] {percentileNanos(dimension.percentile())};
        }
        return new double[0];
    }

    /** {@return the figures as a core snapshot, for {@link Budget#evaluate}} */
    public StageSnapshot snapshot() {
        StageSnapshot.Builder b = StageSnapshot.builder(stage, histogram).failures(failures).elapsedNanos(elapsedNanos);
        if (allocatedBytes >= 0) {
            b.allocatedBytes(allocatedBytes);
        }
        if (peakRssBytes >= 0 && rssGrowthBytes >= 0) {
            b.rss(peakRssBytes, rssGrowthBytes);
        }
        return b.build();
    }
}
