package dev.budget4j.profile.equivalence;

import dev.budget4j.internal.util.Require;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * jqwik arbitraries for float32 kernels: vectors, pairs of vectors and row-major matrices, with
 * the sizes where SIMD code breaks (1, 7, 8, 13, 207, 702, 4098: below, at and across vector
 * widths and unroll factors) and four kinds of values. Needs {@code net.jqwik:jqwik} on the test
 * path (budget-profile depends on it optionally).
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
        SUBNORMAL
    }

    private FloatArbitraries() {
    }

    /** {@return one of {@link #SIZES}} */
    public static Arbitrary<Integer> sizes() {
        return Arbitraries.of(SIZES);
    }

    /** {@return vectors of every size in {@link #SIZES} and every kind of {@link Values}} */
    public static Arbitrary<float[]> vectors() {
        return sizes().flatMap(FloatArbitraries::vectors);
    }

    /**
     * @param size the length, {@code >= 1}
     * @return vectors of that length, every kind of {@link Values}
     */
    public static Arbitrary<float[]> vectors(int size) {
        Require.atLeast(size, 1, "size");
        return Arbitraries.of(Values.values()).flatMap(kind -> vectors(size, kind));
    }

    /**
     * @param size the length, {@code >= 1}
     * @param kind the kind of values, not null
     * @return vectors of that length and kind
     */
    public static Arbitrary<float[]> vectors(int size, Values kind) {
        Require.atLeast(size, 1, "size");
        Require.notNull(kind, "kind");
        return Arbitraries.longs().map(seed -> vector(size, kind, seed));
    }

    /** {@return two vectors of the same size and kind, as {@code {a, b}}} */
    public static Arbitrary<float[][]> vectorPairs() {
        return sizes().flatMap(n -> Arbitraries.of(Values.values()).flatMap(kind -> Arbitraries.longs()
                .map(seed -> new float[][] {vector(n, kind, seed), vector(n, kind, seed ^ 0x9E3779B97F4A7C15L)})));
    }

    /**
     * Row-major matrices: {@code m[row]} is a row of {@code columns} values.
     *
     * @param maxRows rows in [1, maxRows], {@code maxRows >= 1}
     * @param columns the row length, {@code >= 1}
     * @return matrices of uniform or gaussian values
     */
    public static Arbitrary<float[][]> matrices(int maxRows, int columns) {
        Require.atLeast(maxRows, 1, "maxRows");
        Require.atLeast(columns, 1, "columns");
        return Arbitraries.integers().between(1, maxRows).flatMap(rows -> Arbitraries.of(Values.UNIFORM, Values.GAUSSIAN)
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
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            switch (kind) {
                case UNIFORM:
                    v[i] = (float) r.nextDouble();
                    break;
                case GAUSSIAN:
                    v[i] = (float) gaussian(r);
                    break;
                case EXTREME:
                    int pick = r.nextInt(20);
                    if (pick == 0) {
                        v[i] = 0f;
                    } else if (pick == 1) {
                        v[i] = -0f;
                    } else {
                        double magnitude = Math.pow(10, r.nextDouble(-15, 15));
                        v[i] = (float) (r.nextBoolean() ? magnitude : -magnitude);
                    }
                    break;
                default:
                    float s = Float.intBitsToFloat(1 + r.nextInt(0x007F_FFFF));
                    v[i] = r.nextBoolean() ? s : -s;
            }
        }
        return v;
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
