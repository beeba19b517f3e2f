package dev.budget4j.rag;

import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.profile.Ladder;
import java.util.List;

/**
 * The backend the query stage searches with, and why.
 *
 * @param kernels the backend
 * @param reason one line: forced by an option or property, or chosen by the ladder
 * @param ladder the ladder's figures over every available rung (plain, vector, native)
 */
public record QueryBackend(VectorKernels kernels, String reason, Ladder.Result<float[], List<Hit>> ladder) {
}
