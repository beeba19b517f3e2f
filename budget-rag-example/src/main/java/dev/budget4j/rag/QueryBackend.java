package dev.budget4j.rag;

import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.profile.Ladder;
import java.util.List;

/**
 * How the query stage searches, and why.
 *
 * @param rung the search: float or int8 scoring, on one kernel backend
 * @param reason one line: forced by an option or property, or chosen by the ladder (and, when no
 *     rung meets the budget where it runs, which rung is used instead)
 * @param ladder the ladder's figures over every rung (float, then int8, on each available
 *     backend), in isolation and in situ
 * @param recall the int8 search's recall against the exact float search on the run's questions
 */
public record QueryBackend(SearchRung rung, String reason, Ladder.Result<float[], List<Hit>> ladder,
        Int8Recall recall) {

    /** @return the kernel backend the search runs on */
    public VectorKernels kernels() {
        return rung.kernels();
    }
}
