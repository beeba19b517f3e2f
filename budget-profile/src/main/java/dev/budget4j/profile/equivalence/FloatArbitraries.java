package dev.budget4j.profile.equivalence;

import dev.budget4j.internal.util.Require;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * jqwik arbitraries for float32 kernels: vectors, pairs of vectors and row-major matrices, with
 * the sizes where SIMD code breaks (1, 7, 8, 13, 207, 702, 4098: below, at and across vector
 * widths and unroll factors) and the kinds of values on which two correct-looking kernels give
 * different floats. Needs {@code net.jqwik:jqwik} on the test path (budget-profile depends on it
 * optionally).
 *
 * <p>What makes float code differ, and the kind that reaches it (the module's tests check that
 * the default arbitraries reach each within jqwik's default 1,000 tries, with a fixed seed):
 * <ul>
 *   <li>summation order and rounding: {@link Values#UNIFORM}, {@link Values#GAUSSIAN};</li>
 *   <li>catastrophic cancellation (the order decides the digits that survive):
 *       {@link Values#CANCELLING}, and pairs whose products cancel;</li>
 *   <li>a huge dynamic range, {@code +0.0} and {@code -0.0}: {@link Values#EXTREME};</li>
 *   <li>gradual underflow, flushed to zero by some hardware paths: {@link Values#SUBNORMAL};</li>
 *   <li>overflow of float accumulators (a double accumulator, or another order, stays finite):
 *       {@link Values#NEAR_OVERFLOW};</li>
 *   <li>a zero norm (a cosine or a normalization divides by zero): {@link Values#ZEROS};</li>
 *   <li>NaN, {@code +Infinity} and {@code -Infinity} (propagated by {@code Math.max} and lost by
 *       {@code a > b ? a : b}; ordered by {@code Float.compare} and not by {@code <}):
 *       {@link Values#NON_FINITE}, only when asked for with {@link #vectorsOf} or
 *       {@link #vectorPairsOf}, because most kernels define no result for them.</li>
 * </ul>
 * {@link #vectors()} and {@link #vectorPairs()} draw every kind in {@link #FINITE} (finite
 * inputs, though {@link Values#NEAR_OVERFLOW} sums may overflow to infinity).
 *
 * <p>Vectors are generated from a seed, so a failing case is reported and replayed by jqwik as
 * (size, kind, seed).
 */
public final class FloatArbitraries {
    /** Sizes every kernel test should cover. */
    public static final List<Integer> SIZES = List.of(1, 4, 6, 7, 8, 13, 16, 25, 32, 64, 100, 128, 207, 256, 300, 512,
            702, 1024, 1536, 2046, 2048, 4096, 4098);

    /** The kinds of values in a generated vector. */
    public enum Values {
        /** Uniform in [0, 1). */
        UNIFORM,
        /** Standard normal. */
        GAUSSIAN,
        /**
         * Magnitudes spread over 10^-15..10^15 with random signs, zeros and negative zeros;
         * large enough to stress rounding, small enough that sums of squares over 4,098 elements
         * stay finite.
         */
        EXTREME,
        /** Subnormal numbers (below {@link Float#MIN_NORMAL}) with random signs. */
        SUBNORMAL,
        /**
         * Values in 10^3..10^7 that come in pairs {@code x, -x} at random places (half of the
         * places), among values in [0, 1): the exact sum is small while partial sums are large, so
         * each summation order keeps different digits. In a {@link #vectorPair} the products
         * cancel the same way.
         */
        CANCELLING,
        /**
         * Magnitudes {@code m × [0.5, 1.5)} where {@code m = sqrt(Float.MAX_VALUE / size) × 2^[-1, 1)},
         * positive in the first half and negative in the second (in both vectors of a
         * {@link #vectorPair}, so their products are all positive): the sum of squares and the dot
         * product land between about a tenth and six times {@link Float#MAX_VALUE}, so a float
         * accumulator overflows to infinity on some vectors where a double one does not.
         */
        NEAR_OVERFLOW,
        /** Only {@code +0.0} and {@code -0.0}: a norm of zero. */
        ZEROS,
        /**
         * Gaussian values with one to three of NaN, {@code +Infinity} and {@code -Infinity} at
         * random places, at the last index (a SIMD loop's scalar tail) in about a third of the
         * vectors. Not in {@link #FINITE}.
         */
        NON_FINITE
    }

    /** Every kind with finite values: what {@link #vectors()} and {@link #vectorPairs()} draw from. */
    public static final List<Values> FINITE = List.of(Values.UNIFORM, Values.GAUSSIAN, Values.EXTREME, Values.SUBNORMAL,
            Values.CANCELLING, Values.NEAR_OVERFLOW, Values.ZEROS);

    private FloatArbitraries() {
    }

    /** {@return one of {@link #SIZES}} */
    public static Arbitrary<Integer> sizes() {
        return Arbitraries.of(SIZES);
    }

    /** {@return vectors of every size in {@link #SIZES} and every kind in {@link #FINITE}} */
    public static Arbitrary<float[]> vectors() {
        return vectorsOf(FINITE.toArray(new Values[0]));
    }

    /**
     * Vectors of every size in {@link #SIZES} and the given kinds, e.g.
     * {@code vectorsOf(Values.values())} to include NaN and infinities.
     *
     * @param kinds at least one kind
     * @return vectors of those kinds
     */
    public static Arbitrary<float[]> vectorsOf(Values... kinds) {
        List<Values> chosen = kinds(kinds);
        return sizes().flatMap(n -> Arbitraries.of(chosen).flatMap(kind -> vectors(n, kind)));
    }

    /**
     * Vectors of one length, of every finite kind.
     *
     * @param size the length, {@code >= 1}
     * @return vectors of that length, every kind in {@link #FINITE}
     */
    public static Arbitrary<float[]> vectors(int size) {
        Require.atLeast(size, 1, "size");
        return Arbitraries.of(FINITE).flatMap(kind -> vectors(size, kind));
    }

    /**
     * Vectors of one length and one kind of values.
     *
     * @param size the length, {@code >= 1}
     * @param kind the kind of values, not null
     * @return vectors of that length and kind
     */
    public static Arbitrary<float[]> vectors(int size, Values kind) {
        Require.atLeast(size, 1, "size");
        Require.notNull(kind, "kind");
        return Arbitraries.longs().map(seed -> vector(size, kind, seed));
    }

    /** {@return two vectors of the same size and kind ({@link #vectorPair}), as {@code {a, b}}, every kind in {@link #FINITE}} */
    public static Arbitrary<float[][]> vectorPairs() {
        return vectorPairsOf(FINITE.toArray(new Values[0]));
    }

    /**
     * Pairs of vectors ({@link #vectorPair}) of every size in {@link #SIZES} and the given kinds.
     *
     * @param kinds at least one kind
     * @return pairs {@code {a, b}} of those kinds
     */
    public static Arbitrary<float[][]> vectorPairsOf(Values... kinds) {
        List<Values> chosen = kinds(kinds);
        return sizes().flatMap(n -> Arbitraries.of(chosen).flatMap(kind -> Arbitraries.longs()
                .map(seed -> vectorPair(n, kind, seed))));
    }

    /**
     * The pair behind {@link #vectorPairs()}: deterministic in (size, kind, seed). The first is
     * {@link #vector vector(size, kind, seed)}; the second is of the same kind, except that for
     * {@link Values#CANCELLING} it holds values in [0.5, 2), the same value at both places of each
     * {@code x, -x} pair of the first, so that the products cancel as the first vector's values do.
     *
     * @param size the length, {@code >= 0}
     * @param kind the kind of values, not null
     * @param seed the seed
     * @return a new pair {@code {a, b}}
     */
    public static float[][] vectorPair(int size, Values kind, long seed) {
        Require.atLeast(size, 0, "size");
        Require.notNull(kind, "kind");
        if (kind == Values.CANCELLING) {
            return cancelling(size, new SplittableRandom(seed));
        }
        return new float[][] {vector(size, kind, seed), vector(size, kind, seed ^ 0x9E3779B97F4A7C15L)};
    }

    private static List<Values> kinds(Values... kinds) {
        Require.notNull(kinds, "kinds");
        Require.that(kinds.length > 0, "kinds", "must name at least one kind", "none");
        for (Values k : kinds) {
            Require.notNull(k, "kinds element");
        }
        return List.of(kinds);
    }

    /**
     * Row-major matrices of uniform or gaussian values: {@code m[row]} is a row of {@code columns}
     * values.
     *
     * @param maxRows rows in [1, maxRows], {@code maxRows >= 1}
     * @param columns the row length, {@code >= 1}
     * @return matrices of uniform or gaussian values
     */
    public static Arbitrary<float[][]> matrices(int maxRows, int columns) {
        return matrices(maxRows, columns, Values.UNIFORM, Values.GAUSSIAN);
    }

    /**
     * Row-major matrices whose rows are all of one of the given kinds.
     *
     * @param maxRows rows in [1, maxRows], {@code maxRows >= 1}
     * @param columns the row length, {@code >= 1}
     * @param kinds at least one kind
     * @return matrices of those kinds
     */
    public static Arbitrary<float[][]> matrices(int maxRows, int columns, Values... kinds) {
        Require.atLeast(maxRows, 1, "maxRows");
        Require.atLeast(columns, 1, "columns");
        List<Values> chosen = kinds(kinds);
        return Arbitraries.integers().between(1, maxRows).flatMap(rows -> Arbitraries.of(chosen)
                .flatMap(kind -> Arbitraries.longs().map(seed -> {
                    float[][] m = new float[rows][];
                    for (int r = 0; r < rows; r++) {
                        m[r] = vector(columns, kind, seed + r * 0x632BE59BD9B4E019L);
                    }
                    return m;
                })));
    }

    /**
     * The vector behind every arbitrary here: deterministic in (size, kind, seed).
     *
     * @param size the length, {@code >= 0}
     * @param kind the kind of values, not null
     * @param seed the seed
     * @return a new vector
     */
    public static float[] vector(int size, Values kind, long seed) {
        Require.atLeast(size, 0, "size");
        Require.notNull(kind, "kind");
        SplittableRandom r = new SplittableRandom(seed);
        switch (kind) {
            case CANCELLING:
                return cancelling(size, r)[0];
            case NEAR_OVERFLOW:
                return nearOverflow(size, r);
            case NON_FINITE:
                return nonFinite(size, r);
            default:
                float[] v = new float[size];
                for (int i = 0; i < size; i++) {
                    v[i] = value(kind, r);
                }
                return v;
        }
    }

    private static float value(Values kind, SplittableRandom r) {
        switch (kind) {
            case UNIFORM:
                return (float) r.nextDouble();
            case GAUSSIAN:
                return (float) gaussian(r);
            case EXTREME:
                int pick = r.nextInt(20);
                if (pick == 0) {
                    return 0f;
                } else if (pick == 1) {
                    return -0f;
                }
                double magnitude = Math.pow(10, r.nextDouble(-15, 15));
                return (float) (r.nextBoolean() ? magnitude : -magnitude);
            case ZEROS:
                return r.nextBoolean() ? 0f : -0f;
            default:
                float s = Float.intBitsToFloat(1 + r.nextInt(0x007F_FFFF));
                return r.nextBoolean() ? s : -s;
        }
    }

    /**
     * {@code a}: values in [0, 1), with pairs {@code x, -x} at half of the places (chosen at
     * random); {@code b}: one value in [0.5, 2) shared by both places of each pair, so that the
     * products {@code a[i] * b[i]} of a pair cancel exactly too.
     */
    private static float[][] cancelling(int size, SplittableRandom r) {
        float[] a = new float[size];
        float[] b = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) r.nextDouble();
            b[i] = (float) r.nextDouble(0.5, 2);
        }
        int[] at = new int[size];
        for (int i = 0; i < size; i++) {
            at[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = at[i];
            at[i] = at[j];
            at[j] = t;
        }
        int pairs = size < 2 ? 0 : Math.max(1, size / 4);
        for (int i = 0; i < 2 * pairs; i += 2) {
            float x = (float) (Math.pow(10, r.nextDouble(3, 7)) * (r.nextBoolean() ? 1 : -1));
            a[at[i]] = x;
            a[at[i + 1]] = -x;
            b[at[i + 1]] = b[at[i]];
        }
        return new float[][] {a, b};
    }

    private static float[] nearOverflow(int size, SplittableRandom r) {
        double m = Math.sqrt(Float.MAX_VALUE / Math.max(1, size)) * Math.pow(2, r.nextDouble(-1, 1));
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            double x = m * (0.5 + r.nextDouble());
            v[i] = (float) Math.min(Float.MAX_VALUE, i < (size + 1) / 2 ? x : -x);
        }
        return v;
    }

    private static float[] nonFinite(int size, SplittableRandom r) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) gaussian(r);
        }
        if (size == 0) {
            return v;
        }
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        int count = 1 + r.nextInt(3);
        for (int k = 0; k < count; k++) {
            int at = k == 0 && r.nextInt(3) == 0 ? size - 1 : r.nextInt(size);
            v[at] = specials[r.nextInt(specials.length)];
        }
        return v;
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
