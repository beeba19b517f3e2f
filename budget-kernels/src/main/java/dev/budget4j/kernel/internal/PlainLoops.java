package dev.budget4j.kernel.internal;

/**
 * The plain-Java loops: the java backend's kernels, and what any backend falls back to for a
 * kernel it lacks. Four independent accumulators let the CPU overlap four add chains (a single
 * accumulator waits for each add: about four times slower); C2 does not reorder float sums itself.
 */
public final class PlainLoops {
    private PlainLoops() {
    }

    /**
     * Dot product of {@code n} elements from the given offsets.
     *
     * @param a  first vector
     * @param ao offset into {@code a}
     * @param b  second vector
     * @param bo offset into {@code b}
     * @param n  number of elements, {@code >= 0}
     * @return {@code sum(a[ao + i] * b[bo + i])}
     */
    public static float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int end = n & ~3; i < end; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Squared L2 distance of {@code n} elements from the given offsets.
     *
     * @param a  first vector
     * @param ao offset into {@code a}
     * @param b  second vector
     * @param bo offset into {@code b}
     * @param n  number of elements, {@code >= 0}
     * @return {@code sum((a[ao + i] - b[bo + i])^2)}
     */
    public static float l2Squared(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int end = n & ~3; i < end; i += 4) {
            float d0 = a[ao + i] - b[bo + i];
            float d1 = a[ao + i + 1] - b[bo + i + 1];
            float d2 = a[ao + i + 2] - b[bo + i + 2];
            float d3 = a[ao + i + 3] - b[bo + i + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < n; i++) {
            float d = a[ao + i] - b[bo + i];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Finishes a cosine in double from float sums.
     *
     * @param ab dot product of the two vectors
     * @param aa squared norm of the first
     * @param bb squared norm of the second
     * @return {@code ab / sqrt(aa * bb)} in double, {@code 0} when {@code aa} or {@code bb} is 0
     */
    public static double finishCosine(float ab, float aa, float bb) {
        if (aa == 0f || bb == 0f) {
            return 0d;
        }
        return ab / Math.sqrt((double) aa * (double) bb);
    }
}
