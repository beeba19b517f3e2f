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
 * What a {@link Harness} run measured: every round, their merged histogram, and the JVM figures
 * of the whole run. Percentiles across rounds are medians of per-round values
 * (median-of-medians), which one slow round cannot drag.
 */
public final class HarnessResult {
    private final String stage;
    private final List<RoundResult> rounds;
    private final JvmFigures jvm;
    private final long kernelPeakRssBytes;

    /**
     * Creates a result.
     *
     * @param stage the stage name, not blank
     * @param rounds at least one round
     * @param jvm the JVM figures of the run ({@link JvmFigures#since})
     * @param kernelPeakRssBytes the kernel's peak RSS of the process (Linux VmHWM) in bytes, or -1
     */
    public HarnessResult(String stage, List<RoundResult> rounds, JvmFigures jvm, long kernelPeakRssBytes) {
        this.stage = Require.notBlank(stage, "stage");
        this.rounds = List.copyOf(Require.notEmpty(rounds, "rounds"));
        this.jvm = Require.notNull(jvm, "jvm");
        this.kernelPeakRssBytes = kernelPeakRssBytes;
    }

    /** {@return the stage name} */
    public String stage() {
        return stage;
    }

    /** {@return every round, in order} */
    public List<RoundResult> rounds() {
        return rounds;
    }

    /** {@return heap used at the end, and GC count, GC time and all-thread allocation during the run} */
    public JvmFigures jvm() {
        return jvm;
    }

    /** {@return the kernel's peak RSS of the process in bytes (Linux VmHWM), empty elsewhere} */
    public OptionalLong kernelPeakRssBytes() {
        return kernelPeakRssBytes < 0 ? OptionalLong.empty() : OptionalLong.of(kernelPeakRssBytes);
    }

    /** {@return all rounds' latencies merged, nanoseconds} */
    public Histogram mergedHistogram() {
        Histogram merged = new Histogram(3);
        merged.setAutoResize(true);
        for (RoundResult r : rounds) {
            merged.add(r.latency());
        }
        return merged;
    }

    /** {@return calls measured over all rounds} */
    public long calls() {
        return rounds.stream().mapToLong(RoundResult::calls).sum();
    }

    /**
     * A dimension's value in each round, in the dimension's unit.
     *
     * @param dimension a percentile, max, throughput, errors, alloc, rss or rssGrowth
     * @return one value per round, NaN where not measured
     */
    public double[] perRound(Dimension dimension) {
        return rounds.stream().mapToDouble(r -> r.value(dimension)).toArray();
    }

    /**
     * A dimension across rounds.
     *
     * @param dimension a percentile, max, throughput, errors, alloc, rss or rssGrowth
     * @return median (of per-round values), min, max, mean, stddev
     */
    public Summary summary(Dimension dimension) {
        return Summary.of(perRound(dimension));
    }

    /**
     * The whole run as a core snapshot: merged latencies, summed wall time and allocation, the
     * highest peak RSS and its growth over the first round's start.
     *
     * @return the snapshot
     */
    public StageSnapshot snapshot() {
        StageSnapshot.Builder b = StageSnapshot.builder(stage, mergedHistogram())
                .failures(rounds.stream().mapToLong(RoundResult::failures).sum())
                .elapsedNanos(rounds.stream().mapToLong(RoundResult::elapsedNanos).sum());
        if (rounds.stream().allMatch(r -> r.allocatedBytes() >= 0)) {
            b.allocatedBytes(rounds.stream().mapToLong(RoundResult::allocatedBytes).sum());
        }
        if (rounds.stream().allMatch(r -> r.peakRssBytes() >= 0)) {
            long peak = rounds.stream().mapToLong(RoundResult::peakRssBytes).max().orElse(0);
            long start = rounds.get(0).startRssBytes();
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
        return "HarnessResult[" + stage + ": rounds=" + rounds.size() + ", calls=" + calls()
                + ", p50=" + Units.nanos(summary(Dimension.percentile(50)).median())
                + ", p99=" + Units.nanos(summary(Dimension.percentile(99)).median())
                + ", throughput=" + Units.number(summary(Dimension.THROUGHPUT).median()) + "/s]";
    }
}
