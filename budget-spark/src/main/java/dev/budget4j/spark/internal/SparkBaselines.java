package dev.budget4j.spark.internal;

import dev.budget4j.Recording;
import dev.budget4j.StageSnapshot;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.ForkRounds;
import dev.budget4j.profile.StageBaseline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Spark run as a baseline for the gate: per stage, the merged histogram, and one fork per
 * executor whose rounds are the tasks that executor ran. A fork is a JVM in the gate's model, and
 * an executor is one JVM (often one machine): comparing fork medians puts executor-to-executor
 * spread into the interval, which rounds pooled across executors would hide.
 */
public final class SparkBaselines {
    private SparkBaselines() {
    }

    /**
     * @param tallies the run's tallies by stage; stages without calls are left out
     * @return the baseline, made now on the driver's machine from the working directory's commit
     */
    public static Baseline of(Map<String, StageTally> tallies) {
        Baseline.Builder b = Baseline.builder();
        int executors = 0;
        int tasks = 0;
        for (StageTally t : tallies.values()) {
            if (t.calls() == 0) {
                continue;
            }
            b.stage(stage(t));
            executors = Math.max(executors, t.rounds().size());
            tasks = Math.max(tasks, t.roundCount());
        }
        b.note("Spark run: one fork per executor (" + executors + "), one round per task (" + tasks
                + " for the busiest stage); the machine shown is the driver's");
        return b.build();
    }

    private static StageBaseline stage(StageTally t) {
        Recording r = t.merged();
        List<ForkRounds> forks = new ArrayList<>();
        t.rounds().forEach((executor, rounds) -> {
            Map<String, double[]> values = new LinkedHashMap<>();
            for (int d = 0; d < RoundValues.DIMENSIONS.size(); d++) {
                double[] series = new double[rounds.size()];
                for (int i = 0; i < series.length; i++) {
                    double[] round = rounds.get(i);
                    series[i] = d < round.length ? round[d] : Double.NaN;
                }
                values.put(RoundValues.DIMENSIONS.get(d).label(), series);
            }
            forks.add(ForkRounds.of(values));
        });
        // Wall time is the tasks' spans summed (what a baseline divides calls by), not the joined
        // span that Recording.snapshot() uses.
        StageSnapshot.Builder figures = StageSnapshot.builder(r.stage(), r.histogram()).failures(r.failures())
                .elapsedNanos(t.summedSpanNanos());
        r.allocatedBytes().ifPresent(figures::allocatedBytes);
        if (r.peakRssBytes().isPresent() && r.rssGrowthBytes().isPresent()) {
            figures.rss(r.peakRssBytes().getAsLong(), r.rssGrowthBytes().getAsLong());
        }
        return StageBaseline.fromForks(figures.build(), forks, r.budget().orElse(null));
    }
}
