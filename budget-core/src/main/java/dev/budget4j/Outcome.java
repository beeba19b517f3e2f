package dev.budget4j;

/** The result of checking one dimension, or a whole budget. */
public enum Outcome {
    /** Within the limit. */
    MET,
    /** Outside the limit. */
    VIOLATED,
    /** Not enough data to say: too few samples, or the dimension was not measured. Not a pass. */
    INCONCLUSIVE
}
