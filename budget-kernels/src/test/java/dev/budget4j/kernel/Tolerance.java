package dev.budget4j.kernel;

/**
 * Error bounds for float kernels, measured against exact (double) references. Backends sum in
 * different orders, with or without fused multiply-add, so their results differ; each must stay
 * within the textbook bound of a float sum of {@code n} terms (Higham, "Accuracy and Stability of
 * Numerical Algorithms", 3.1):
 * <pre>{@code |computed - exact| <= gamma(n) * sum(|term|) + n * Float.MIN_VALUE}</pre>
 * where {@code gamma(n) = (n + SLACK) * 2^-24} and the last term covers products that underflow
 * to subnormals or zero. {@code SLACK} (8 roundings) covers the roundings outside the sum:
 * forming a difference before squaring, scaling a row by an inverse norm, storing the result.
 */
final class Tolerance {
    /** Unit roundoff of float, 2^-24. */
    static final double U = Math.ulp(1f) / 2;
    /** Extra roundings allowed beyond the {@code n} of the sum. */
    static final int SLACK = 8;

    private Tolerance() {
    }

    static double gamma(int n) {
        return (n + SLACK) * U;
    }

    /** Bound on a float sum of {@code n} terms whose absolute values sum to {@code absSum}. */
    static double sumBound(int n, double absSum) {
        return gamma(n) * absSum + Math.max(n, 1) * (double) Float.MIN_VALUE;
    }

    /** Exact dot product and the sum of |a_i b_i|. */
    static double[] dot(float[] a, int ao, float[] b, int bo, int n) {
        double s = 0, abs = 0;
        for (int i = 0; i < n; i++) {
            double p = (double) a[ao + i] * b[bo + i];
            s += p;
            abs += Math.abs(p);
        }
        return new double[] {s, sumBound(n, abs)};
    }

    static double[] dot(float[] a, float[] b) {
        return dot(a, 0, b, 0, a.length);
    }

    /** Exact squared distance and its bound. */
    static double[] l2Squared(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            s += d * d;
        }
        return new double[] {s, sumBound(a.length, s)};
    }

    /**
     * Exact cosine and its bound, propagated from the bounds of the three sums:
     * {@code dCos <= E(ab) / sqrt(aa bb) + |cos| (E(aa) / aa + E(bb) / bb) / 2}. When a squared
     * norm is not known to within half of itself (vectors of subnormals), the bound is 2: only
     * {@code |cos| <= 1} can be asked.
     */
    static double[] cosine(float[] a, int ao, float[] b, int bo, int n) {
        double[] ab = dot(a, ao, b, bo, n);
        double[] aa = dot(a, ao, a, ao, n);
        double[] bb = dot(b, bo, b, bo, n);
        if (aa[0] == 0 || bb[0] == 0) {
            return new double[] {0, 0};
        }
        if (aa[1] >= aa[0] / 2 || bb[1] >= bb[0] / 2) {
            return new double[] {0, 2};
        }
        double norm = Math.sqrt(aa[0]) * Math.sqrt(bb[0]);
        double cos = ab[0] / norm;
        double bound = ab[1] / norm + Math.abs(cos) * (aa[1] / aa[0] + bb[1] / bb[0]) + 4 * U;
        return new double[] {cos, bound};
    }

    static double[] cosine(float[] a, float[] b) {
        return cosine(a, 0, b, 0, a.length);
    }
}
