package dev.budget4j.spark.internal;

import dev.budget4j.Dimension;
import dev.budget4j.Recording;
import dev.budget4j.profile.RoundResult;
import dev.budget4j.profile.StageBaseline;
import java.util.List;

/**
 * One task's recording as one round of a baseline: the value of every dimension a baseline keeps
 * ({@link StageBaseline#RECORDED}, in that order), computed as {@code RecordingLog} computes the
 * rounds of an interval log. Ten doubles per stage per task is what the driver keeps of a task
 * beyond the merged histogram.
 */
public final class RoundValues {
    /** The dimensions, in the order of the values. */
    public static final List<Dimension> DIMENSIONS = StageBaseline.RECORDED;

    private RoundValues() {
    }

    /**
     * @param r one task's recording of one stage
     * @return one value per {@link #DIMENSIONS} entry, in the dimension's unit (NaN where not measured)
     */
    public static double[] of(Recording r) {
        long peak = r.peakRssBytes().orElse(-1);
        long start = peak < 0 ? -1 : peak - r.rssGrowthBytes().orElse(0);
        RoundResult round = new RoundResult(0, r.histogram(), r.failures(), r.endEpochNanos() - r.startEpochNanos(),
                r.allocatedBytes().orElse(-1), peak, start);
        double[] out = new double[DIMENSIONS.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = round.value(DIMENSIONS.get(i));
        }
        return out;
    }
}
