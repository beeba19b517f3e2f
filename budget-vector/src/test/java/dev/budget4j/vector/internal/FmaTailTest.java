package dev.budget4j.vector.internal;

import dev.budget4j.kernel.FloatMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The scalar tails take the backend's fused multiply-add decision, as the vector body does. Each
 * case runs three-element tails on inputs searched for where a fused and an unfused chain of
 * multiply-adds round differently, so the result shows which one ran. Surefire runs this class
 * with the JVM's own choice and again with {@code -Dbudget4j.vector.fma=false}; a tail that fused
 * regardless fails the second run. The tails run alone ({@code prefixVectors = 0}) and after a
 * vector body over zeros, which adds exactly nothing.
 */
class FmaTailTest {

    private static final PanamaVectorKernels K = new PanamaVectorKernels();
    private static final int TAIL = 3;

    @Test
    void theForcedDecisionIsTheOneInUse() {
        String forced = System.getProperty("budget4j.vector.fma");
        if (forced != null) {
            assertEquals(Boolean.parseBoolean(forced), PanamaVectorKernels.FMA);
        }
    }

    @ParameterizedTest(name = "after {0} vectors")
    @ValueSource(ints = {0, 2})
    void dotTail(int prefixVectors) {
        float[][] ab = distinguishing(in -> new double[] {chain(in[0], in[1], true), chain(in[0], in[1], false)});
        float expected = chain(ab[0], ab[1], PanamaVectorKernels.FMA);
        assertEquals(expected, K.dot(prefixed(ab[0], prefixVectors), prefixed(ab[1], prefixVectors)));
    }

    @ParameterizedTest(name = "after {0} vectors")
    @ValueSource(ints = {0, 2})
    void l2SquaredTail(int prefixVectors) {
        float[][] ab = distinguishing(in -> {
            float[] d = diff(in[0], in[1]);
            return new double[] {chain(d, d, true), chain(d, d, false)};
        });
        float[] d = diff(ab[0], ab[1]);
        float expected = chain(d, d, PanamaVectorKernels.FMA);
        assertEquals(expected, K.l2Squared(prefixed(ab[0], prefixVectors), prefixed(ab[1], prefixVectors)));
    }

    @ParameterizedTest(name = "after {0} vectors")
    @ValueSource(ints = {0, 2})
    void cosineTail(int prefixVectors) {
        float[][] ab = distinguishing(in -> new double[] {cosine(in[0], in[1], true), cosine(in[0], in[1], false)});
        double expected = cosine(ab[0], ab[1], PanamaVectorKernels.FMA);
        assertEquals(expected, K.cosine(prefixed(ab[0], prefixVectors), prefixed(ab[1], prefixVectors)));
    }

    @ParameterizedTest(name = "after {0} vectors")
    @ValueSource(ints = {0, 2})
    void scoreAllTail(int prefixVectors) {
        // Four rows: the four-row path of scoreAll, with its own tail.
        float[][] qr = distinguishing(in -> new double[] {chain(in[0], in[1], true), chain(in[0], in[1], false)});
        float[] query = prefixed(qr[0], prefixVectors);
        float[] row = prefixed(qr[1], prefixVectors);
        int rows = 4;
        float[] data = new float[rows * row.length];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(row, 0, data, r * row.length, row.length);
        }
        float[] out = new float[rows];
        K.scoreAll(query, FloatMatrix.of(data, rows, row.length), out);
        float expected = chain(qr[0], qr[1], PanamaVectorKernels.FMA);
        float[] all = new float[rows];
        Arrays.fill(all, expected);
        assertEquals(Arrays.toString(all), Arrays.toString(out));
    }

    /** The first seeded pair of {@value #TAIL}-element vectors whose fused and unfused results differ. */
    private static float[][] distinguishing(Function<float[][], double[]> fusedAndUnfused) {
        SplittableRandom random = new SplittableRandom(42);
        for (int attempt = 0; attempt < 100_000; attempt++) {
            float[][] in = {new float[TAIL], new float[TAIL]};
            for (float[] v : in) {
                for (int i = 0; i < TAIL; i++) {
                    v[i] = (float) (random.nextDouble() * 2 - 1);
                }
            }
            double[] r = fusedAndUnfused.apply(in);
            if (Double.compare(r[0], r[1]) != 0) {
                assertNotEquals(r[0], r[1]);
                return in;
            }
        }
        return fail("no input found on which fused and unfused multiply-adds differ");
    }

    /** Whole vectors of zeros, then {@code tail}: the body sums to exactly zero. */
    private static float[] prefixed(float[] tail, int prefixVectors) {
        float[] v = new float[prefixVectors * PanamaVectorKernels.L + tail.length];
        System.arraycopy(tail, 0, v, v.length - tail.length, tail.length);
        return v;
    }

    private static float[] diff(float[] a, float[] b) {
        float[] d = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** {@code s = a[i] * b[i] + s} in order from {@code s = 0}, fused or not. */
    private static float chain(float[] a, float[] b, boolean fused) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s = fused ? Math.fma(a[i], b[i], s) : a[i] * b[i] + s;
        }
        return s;
    }

    private static double cosine(float[] a, float[] b, boolean fused) {
        float ab = chain(a, b, fused);
        float aa = chain(a, a, fused);
        float bb = chain(b, b, fused);
        return aa == 0f || bb == 0f ? 0d : ab / Math.sqrt((double) aa * (double) bb);
    }
}
