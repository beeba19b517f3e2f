package dev.budget4j.profile;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import dev.budget4j.StageSnapshot;
import dev.budget4j.profile.internal.Args;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * One stage's figures in a {@link Baseline}: the full latency histogram (so any percentile can be
 * recomputed and runs merged), per-round values of every gated dimension (what the gate's
 * bootstrap resamples), throughput, allocation, peak RSS and the budget the stage ran under.
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
    private final Map<String, double[]> perRound;

    /**
     * Creates a stage baseline.
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
        this.stage = Args.notBlank(stage, "stage");
        this.histogram = Args.notNull(histogram, "histogram").copy();
        Args.that(failures >= 0 && failures <= histogram.getTotalCount(), "failures", "must be in [0, calls]", failures);
        this.failures = failures;
        this.elapsedNanos = Args.atLeast(elapsedNanos, 0, "elapsedNanos");
        this.allocatedBytes = allocatedBytes;
        this.peakRssBytes = peakRssBytes;
        this.rssGrowthBytes = rssGrowthBytes;
        this.budget = budget;
        Map<String, double[]> copy = new LinkedHashMap<>();
        Args.notNull(perRound, "perRound").forEach((k, v) -> {
            Dimension.ofLabel(k);
            copy.put(k, v.clone());
        });
        this.perRound = Collections.unmodifiableMap(copy);
    }

    /**
     * A stage baseline from a harness run.
     *
     * @param result the run, not null
     * @param budget the budget the stage is held to, or null
     * @return the stage baseline
     */
    public static StageBaseline of(HarnessResult result, Budget budget) {
        Args.notNull(result, "result");
        StageSnapshot s = result.snapshot();
        Map<String, double[]> rounds = new LinkedHashMap<>();
        for (Dimension d : RECORDED) {
            rounds.put(d.label(), result.perRound(d));
        }
        return new StageBaseline(result.stage(), result.mergedHistogram(), s.failures(), s.elapsedNanos(),
                s.allocatedBytes().orElse(-1), s.peakRssBytes().orElse(-1), s.rssGrowthBytes().orElse(-1), budget, rounds);
    }

    /** @return the stage name */
    public String stage() {
        return stage;
    }

    /** @return a copy of the full latency histogram, nanoseconds */
    public Histogram histogram() {
        return histogram.copy();
    }

    /** @return calls measured */
    public long calls() {
        return histogram.getTotalCount();
    }

    /** @return calls that threw */
    public long failures() {
        return failures;
    }

    /** @return summed wall time of the measured rounds, nanoseconds */
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
        Args.that(percentile > 0 && percentile <= 100, "percentile", "must be in (0, 100]", percentile);
        return histogram.getValueAtPercentile(percentile);
    }

    /** @return calls per second over the summed wall time, NaN with none */
    public double throughputPerSecond() {
        return elapsedNanos == 0 ? Double.NaN : calls() * 1e9 / elapsedNanos;
    }

    /** @return mean bytes allocated per call, NaN when not measured */
    public double allocatedBytesPerCall() {
        return allocatedBytes < 0 || calls() == 0 ? Double.NaN : (double) allocatedBytes / calls();
    }

    /** @return bytes allocated in all calls, -1 when not measured */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    /** @return peak RSS in bytes, -1 when not measured */
    public long peakRssBytes() {
        return peakRssBytes;
    }

    /** @return peak RSS minus RSS at the start in bytes, -1 when not measured */
    public long rssGrowthBytes() {
        return rssGrowthBytes;
    }

    /** @return the budget the stage ran under */
    public Optional<Budget> budget() {
        return Optional.ofNullable(budget);
    }

    /** @return per-round values keyed by dimension label, unmodifiable (arrays are copies on read through {@link #perRound(Dimension)}) */
    public Map<String, double[]> perRoundValues() {
        Map<String, double[]> out = new LinkedHashMap<>();
        perRound.forEach((k, v) -> out.put(k, v.clone()));
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
        double[] v = perRound.get(Args.notNull(dimension, "dimension").label());
        if (v != null) {
            return v.clone();
        }
        if (dimension.kind() == Dimension.Kind.PERCENTILE && calls() > 0) {
            return new double[] {percentileNanos(dimension.percentile())};
        }
        return new double[0];
    }

    /** @return the figures as a core snapshot, for {@link Budget#evaluate} */
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
