package dev.budget4j.kernel.internal;

import dev.budget4j.kernel.spi.AbstractVectorKernels;

/**
 * The plain-Java backend and the reference for the others. Loops keep four independent
 * accumulators so that the CPU overlaps four multiply-add chains (a single accumulator waits
 * for each add to finish: about four times slower); C2 does not reorder float sums by itself.
 */
public final class JavaKernels extends AbstractVectorKernels {

    /** The one instance. */
    public static final JavaKernels INSTANCE = new JavaKernels();

    private JavaKernels() {
        super("java");
    }

    @Override
    protected float dot(float[] a, int ao, float[] b, int bo, int n) {
        return PlainLoops.dot(a, ao, b, bo, n);
    }

    @Override
    protected float l2Squared(float[] a, int ao, float[] b, int bo, int n) {
        return PlainLoops.l2Squared(a, ao, b, bo, n);
    }

    @Override
    protected double cosineUnchecked(float[] a, float[] b) {
        // One pass, two accumulators per sum (six chains in flight).
        float ab0 = 0, ab1 = 0, aa0 = 0, aa1 = 0, bb0 = 0, bb1 = 0;
        int n = a.length;
        int i = 0;
        for (int end = n & ~1; i < end; i += 2) {
            float x0 = a[i], y0 = b[i], x1 = a[i + 1], y1 = b[i + 1];
            ab0 += x0 * y0;
            aa0 += x0 * x0;
            bb0 += y0 * y0;
            ab1 += x1 * y1;
            aa1 += x1 * x1;
            bb1 += y1 * y1;
        }
        if (i < n) {
            ab0 += a[i] * b[i];
            aa0 += a[i] * a[i];
            bb0 += b[i] * b[i];
        }
        return PlainLoops.finishCosine(ab0 + ab1, aa0 + aa1, bb0 + bb1);
    }
}
