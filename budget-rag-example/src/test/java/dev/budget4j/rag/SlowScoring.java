package dev.budget4j.rag;

import dev.budget4j.kernel.FloatMatrix;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import java.util.concurrent.locks.LockSupport;

/** Plain Java with a planted 3 ms slowdown in {@code scoreAll}: a regression for the gate to find. */
final class SlowScoring implements VectorKernels {
    private final VectorKernels plain = Kernels.java();

    @Override
    public String name() {
        return "java";
    }

    @Override
    public float dot(float[] a, float[] b) {
        return plain.dot(a, b);
    }

    @Override
    public double cosine(float[] a, float[] b) {
        return plain.cosine(a, b);
    }

    @Override
    public float l2Squared(float[] a, float[] b) {
        return plain.l2Squared(a, b);
    }

    @Override
    public void normalize(float[] v) {
        plain.normalize(v);
    }

    @Override
    public void scoreAll(float[] query, FloatMatrix rows, float[] out) {
        plain.scoreAll(query, rows, out);
        LockSupport.parkNanos(3_000_000);
    }

    @Override
    public FloatMatrix pairwiseCosine(FloatMatrix a, FloatMatrix b) {
        return plain.pairwiseCosine(a, b);
    }

    @Override
    public void pairwiseCosine(FloatMatrix a, FloatMatrix b, FloatMatrix out) {
        plain.pairwiseCosine(a, b, out);
    }

    @Override
    public int[] topK(float[] scores, int k) {
        return plain.topK(scores, k);
    }

    @Override
    public double logSumExp(float[] values) {
        return plain.logSumExp(values);
    }
}
