package dev.budget4j.profile;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import dev.budget4j.StageSnapshot;
import dev.budget4j.Verdict;
import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.Units;
import java.util.List;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * What a {@link Harness} run measured: every round as a {@link StageSnapshot}, the whole run as
 * one ({@link #snapshot()}), and the JVM figures of the run. Percentiles across rounds are medians of
 * per-round values (median-of-medians), which one slow round cannot drag.
 */
public final class HarnessResult {
    private final String stage;
    private final List<StageSnapshot> rounds;
    private final JvmFigures jvm;
    private final long kernelPeakRssBytes;
    private final StageSnapshot whole;

    /**
     * Creates a result.
     *
     * @param stage the stage name, not blank
     * @param rounds at least one round, each a snapshot of its calls (its wall time, harness
     *     overhead included, as elapsed time; RSS from the round's own window)
     * @param jvm the JVM figures of the run ({@link JvmFigures#since})
     * @param kernelPeakRssBytes the operating system's peak RSS of the process in bytes, or -1
     */
    HarnessResult(String stage, List<StageSnapshot> rounds, JvmFigures jvm, long kernelPeakRssBytes) {
        this.stage = Require.notBlank(stage, "stage");
        this.rounds = List.copyOf(Require.notEmpty(rounds, "rounds"));
        this.jvm = Require.notNull(jvm, "jvm");
        this.kernelPeakRssBytes = kernelPeakRssBytes;
        this.whole = merge(stage, this.rounds);
    }

    /** {@return the stage name} */
    public String stage() {
        return stage;
    }

    /** {@return every round's figures, in order} */
    public List<StageSnapshot> rounds() {
        return rounds;
    }

    /** {@return heap used at the end, and GC count, GC time and all-thread allocation during the run} */
    public JvmFigures jvm() {
        return jvm;
    }

    /**
     * {@return the operating system's peak RSS of the process in bytes, as the harness's memory
     *     probe reads it ({@link dev.budget4j.spi.MemoryProbe#peakRssBytes()}, Linux {@code VmHWM}
     *     for the OSHI probe); empty without a probe or where the probe cannot tell}
     */
    public OptionalLong kernelPeakRssBytes() {
        return kernelPeakRssBytes < 0 ? OptionalLong.empty() : OptionalLong.of(kernelPeakRssBytes);
    }

    /**
     * A dimension's value in each round, in the dimension's unit.
     *
     * @param dimension any dimension ({@link StageSnapshot#value})
     * @return one value per round, NaN where not measured
     */
    public double[] perRound(Dimension dimension) {
        return rounds.stream().mapToDouble(r -> r.value(Require.notNull(dimension, "dimension"))).toArray();
    }

    /**
     * A dimension across rounds.
     *
     * @param dimension any dimension ({@link StageSnapshot#value})
     * @return median (of per-round values), min, max, mean, stddev
     */
    public Summary summary(Dimension dimension) {
        return Summary.of(perRound(dimension));
    }

    /**
     * The whole run as a core snapshot: every round's latencies merged, summed wall time and
     * allocation, the highest peak RSS and its growth over the first round's start.
     *
     * @return the snapshot
     */
    public StageSnapshot snapshot() {
        return whole;
    }

    private static StageSnapshot merge(String stage, List<StageSnapshot> rounds) {
        Histogram merged = new Histogram(3);
        merged.setAutoResize(true);
        rounds.forEach(r -> merged.add(r.histogram()));
        StageSnapshot.Builder b = StageSnapshot.builder(stage, merged)
                .failures(rounds.stream().mapToLong(StageSnapshot::failures).sum())
                .elapsedNanos(rounds.stream().mapToLong(StageSnapshot::elapsedNanos).sum());
        if (rounds.stream().allMatch(r -> r.allocatedBytes().isPresent())) {
            b.allocatedBytes(rounds.stream().mapToLong(r -> r.allocatedBytes().getAsLong()).sum());
        }
        if (rounds.stream().allMatch(r -> r.peakRssBytes().isPresent() && r.rssGrowthBytes().isPresent())) {
            long peak = rounds.stream().mapToLong(r -> r.peakRssBytes().getAsLong()).max().orElse(0);
            StageSnapshot first = rounds.get(0);
            long start = first.peakRssBytes().getAsLong() - first.rssGrowthBytes().getAsLong();
            b.rss(peak, Math.max(0, peak - start));
        }
        return b.build();
    }

    /**
     * Checks a budget against the whole run ({@link #snapshot()}).
     *
     * @param budget the budget, not null
     * @return the verdict
     */
    public Verdict evaluate(Budget budget) {
        return Require.notNull(budget, "budget").evaluate(snapshot());
    }

    @Override
    public String toString() {
        return "HarnessResult[" + stage + ": rounds=" + rounds.size() + ", calls=" + whole.calls()
                + ", p50=" + Units.nanos(summary(Dimension.percentile(50)).median())
                + ", p99=" + Units.nanos(summary(Dimension.percentile(99)).median())
                + ", throughput=" + Units.number(summary(Dimension.THROUGHPUT).median()) + "/s]";
    }
}
