package com.example.tokens;

/**
 * Two backends of one dot product, as a project with a plain and a faster kernel has them: the
 * downstream example of budget-profile's equivalence kit.
 */
public final class Dots {
    private Dots() {
    }

    /**
     * The reference: one float accumulator, in index order.
     *
     * @param pair two vectors of one length, {@code {a, b}}
     * @return the dot product of {@code a} and {@code b}
     */
    public static float plain(float[][] pair) {
        float[] a = pair[0];
        float[] b = pair[1];
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * The fast one: four accumulators (what a SIMD kernel does with lanes), so the products are
     * summed in another order and the result may differ in the last bits.
     *
     * @param pair two vectors of one length, {@code {a, b}}
     * @return the dot product of {@code a} and {@code b}
     */
    public static float unrolled(float[][] pair) {
        float[] a = pair[0];
        float[] b = pair[1];
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The sum of the products' magnitudes, in double: what rounding errors of any summation
     * order are proportional to.
     *
     * @param pair two vectors of one length, {@code {a, b}}
     * @return the sum of {@code |a[i] * b[i]|}
     */
    public static double magnitude(float[][] pair) {
        double m = 0;
        for (int i = 0; i < pair[0].length; i++) {
            m += Math.abs((double) pair[0][i] * pair[1][i]);
        }
        return m;
    }
}
