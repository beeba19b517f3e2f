package dev.budget4j.kernel.examples;

import dev.budget4j.kernel.FloatMatrix;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;

/** The usage example of budget-kernels' README.md; {@code ReadmeExampleTest} keeps the two the same. */
final class ReadmeExample {
    private ReadmeExample() {
    }

    static int[] run() {
        // README-BEGIN
        VectorKernels k = Kernels.active();                 // native, else vector, else plain java
        FloatMatrix rows = FloatMatrix.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
        float[] scores = new float[rows.rows()];
        k.scoreAll(new float[] {0.2f, 0.9f}, rows, scores);  // one dot product per row
        int[] best = k.topK(scores, 2);                      // row indices, highest score first
        // README-END
        return best;
    }
}
