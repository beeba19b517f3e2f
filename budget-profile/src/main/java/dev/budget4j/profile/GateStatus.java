package dev.budget4j.profile;

/** What the gate concluded about one dimension, one stage, or a whole comparison. */
public enum GateStatus {
    /** Within the rule with confidence. */
    PASS,
    /** Better than the baseline by more than the rule's margin, with confidence. */
    IMPROVEMENT,
    /** The confidence interval straddles the rule, or there was nothing to compare. Not a pass. */
    INCONCLUSIVE,
    /** Beyond the rule with confidence (or an absolute budget was violated). */
    REGRESSION;

    /** {@return the worse of two statuses: REGRESSION, then INCONCLUSIVE, then PASS, then IMPROVEMENT} */
    GateStatus worse(GateStatus other) {
        return rank(this) >= rank(other) ? this : other;
    }

    private static int rank(GateStatus s) {
        switch (s) {
            case REGRESSION:
                return 3;
            case INCONCLUSIVE:
                return 2;
            case PASS:
                return 1;
            default:
                return 0;
        }
    }
}
