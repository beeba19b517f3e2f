package dev.budget4j.kernel.internal;

/**
 * The plain-Java int8 loops: the java backend's int8 kernels, and what any backend falls back to.
 * Integer sums are exact in any order, so every backend's result is the same int.
 */
public final class Int8Loops {
    private Int8Loops() {
    }

    /**
     * Integer dot product of {@code n} codes from the given offsets.
     *
     * @param a  first codes
     * @param ao offset into {@code a}
     * @param b  second codes
     * @param bo offset into {@code b}
     * @param n  number of codes, {@code >= 0}
     * @return {@code sum(a[ao + i] * b[bo + i])}, exact while {@code n * 128 * 128 <= Integer.MAX_VALUE}
     */
    public static int dot(byte[] a, int ao, byte[] b, int bo, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    /**
     * Scores rows {@code [from, to)}: {@code out[r] = dot(q, codes[r * cols ..])}.
     *
     * @param q     query codes, length {@code cols}
     * @param codes row-major codes
     * @param from  first row
     * @param to    row after the last
     * @param cols  row length
     * @param out   receives one score per row
     */
    public static void scoreRows(byte[] q, byte[] codes, int from, int to, int cols, int[] out) {
        for (int r = from; r < to; r++) {
            out[r] = dot(q, 0, codes, r * cols, cols);
        }
    }
}
