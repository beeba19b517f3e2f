package dev.budget4j.rag;

import dev.budget4j.Dimension;
import dev.budget4j.StageSnapshot;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.StageBaseline;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run of the example as a budget-profile {@link Baseline}: per stage the full latency histogram,
 * failures, wall time, allocation, peak RSS, the budget in force, and the per-round values of every
 * gated dimension (from the stage's {@link StageRow#rounds() rounds}), which the gate's bootstrap
 * resamples. The run's machine fingerprint, git commit and the query stage's kernel backend are
 * recorded too.
 */
final class RunBaseline {
    private RunBaseline() {
    }

    static Baseline of(RunResult r) {
        Baseline.Builder b = Baseline.builder().kernelBackend(r.backend());
        for (StageRow row : r.rows()) {
            b.stage(stage(row));
        }
        return b.build();
    }

    static StageBaseline stage(StageRow row) {
        StageSnapshot s = row.report().snapshot();
        Map<String, double[]> perRound = new LinkedHashMap<>();
        for (Dimension d : StageBaseline.RECORDED) {
            if (d.kind() == Dimension.Kind.RSS) {
                // one window per phase, not per round: a single value
                perRound.put(d.label(), new double[] {row.peakRssBytes() < 0 ? Double.NaN : row.peakRssBytes()});
            } else {
                perRound.put(d.label(), row.rounds().stream().mapToDouble(round -> value(round, d)).toArray());
            }
        }
        long growth = row.peakRssBytes() < 0 || row.startRssBytes() < 0 ? -1
                : Math.max(0, row.peakRssBytes() - row.startRssBytes());
        return new StageBaseline(s.stage(), s.histogram(), s.failures(), s.elapsedNanos(),
                s.allocatedBytes().orElse(-1), row.peakRssBytes(), growth, row.report().verdict().budget(), perRound);
    }

    /** One round's value of a dimension, in the dimension's unit; NaN where not measured. */
    static double value(StageSnapshot s, Dimension d) {
        if (s.calls() == 0) {
            return Double.NaN;
        }
        return switch (d.kind()) {
            case PERCENTILE -> s.percentileNanos(d.percentile());
            case MAX -> s.maxNanos();
            case THROUGHPUT -> s.throughputPerSecond();
            case ERROR_RATE -> s.errorRate();
            case ALLOCATION -> s.allocatedBytesPerCall();
            default -> Double.NaN;
        };
    }
}
