package dev.budget4j.spark.internal;

import dev.budget4j.Dimension;
import dev.budget4j.Recording;
import dev.budget4j.StageSnapshot;
import dev.budget4j.profile.StageBaseline;
import java.util.List;

/**
 * One task's recording as one round of a baseline: the value of every dimension a baseline keeps
 * ({@link StageBaseline#RECORDED}, in that order), read from the recording's snapshot
 * ({@link dev.budget4j.StageSnapshot#value}) as every round of a baseline is. Ten doubles per
 * stage per task is what the driver keeps of a task beyond the merged histogram.
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
        StageSnapshot round = r.snapshot();
        double[] out = new double[DIMENSIONS.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = round.value(DIMENSIONS.get(i));
        }
        return out;
    }
}
