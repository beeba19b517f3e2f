package dev.budget4j.profile;

import dev.budget4j.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * One stage compared with the baseline.
 *
 * @param stage the stage name
 * @param baseline the baseline's figures, or null when the stage is new
 * @param current the current figures, or null when the stage is missing from the run
 * @param dimensions one comparison per rule
 * @param budgetVerdict the current run checked against the stage's own absolute budget, or null
 * @param status the worst of the dimensions (and REGRESSION when the budget was violated)
 * @param note what is special about this stage (missing, new), empty otherwise
 */
public record StageComparison(String stage, StageBaseline baseline, StageBaseline current,
        List<DimensionComparison> dimensions, Verdict budgetVerdict, GateStatus status, String note) {

    /**
     * Copies the list.
     *
     * @param stage see the record description
     * @param baseline see the record description
     * @param current see the record description
     * @param dimensions see the record description
     * @param budgetVerdict see the record description
     * @param status see the record description
     * @param note see the record description
     */
    public StageComparison {
        dimensions = List.copyOf(dimensions);
    }

    /** {@return the absolute budget's verdict on the current run, when the stage has a budget} */
    public Optional<Verdict> verdict() {
        return Optional.ofNullable(budgetVerdict);
    }
}
