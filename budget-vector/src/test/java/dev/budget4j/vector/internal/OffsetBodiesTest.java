package dev.budget4j.vector.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * dot and l2Squared have two copies of their vector loop: one for vectors that start at index 0
 * (every call of the public methods) and one with offsets (the batched kernels' calls on rows of a
 * matrix). Both add the same products in the same order, so the same numbers must give the same
 * float, bit for bit, wherever they sit in their arrays.
 */
class OffsetBodiesTest {

    private static final PanamaVectorKernels K = new PanamaVectorKernels();

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {0, 1, 16, 33, 100, 384, 768, 1000})
    void theOffsetLoopsAgreeWithTheLoopsAtIndexZero(int n) {
        SplittableRandom r = new SplittableRandom(n);
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
            b[i] = (float) (r.nextDouble() * 2 - 1);
        }
        float[] aAt5 = new float[n + 9];
        float[] bAt11 = new float[n + 13];
        System.arraycopy(a, 0, aAt5, 5, n);
        System.arraycopy(b, 0, bAt11, 11, n);
        assertEquals(K.dot(a, b), K.dot(aAt5, 5, bAt11, 11, n), "dot");
        assertEquals(K.l2Squared(a, b), K.l2Squared(aAt5, 5, bAt11, 11, n), "l2Squared");
        assertEquals(K.dot(a, 0, b, 0, n), K.dot(aAt5, 5, bAt11, 11, n), "dot through the hook");
    }
}
