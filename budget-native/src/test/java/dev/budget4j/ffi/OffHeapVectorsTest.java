package dev.budget4j.ffi;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OffHeapVectors} against exact sums in double, within the documented bound of a float sum
 * of {@code n} terms, on aligned and misaligned native segments and on heap segments, in every
 * variant of the native library (the surefire executions run this class once per variant).
 */
class OffHeapVectorsTest {

    private static final int[] LENGTHS = {0, 1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 100, 384, 768, 1000, 1536};

    @Test
    void runsInC() {
        assertTrue(OffHeapVectors.nativeCode(), "these tests run with native access, so the calls must be native");
    }

    @Test
    void matchesExactSumsOnAlignedAndMisalignedSegments() {
        SplittableRandom random = new SplittableRandom(11);
        try (Arena arena = Arena.ofConfined()) {
            for (int n : LENGTHS) {
                float[] a = values(random, n);
                float[] b = values(random, n);
                // Offsets in floats from a cache line: aligned, one float past it, half a vector past it.
                for (int shiftA : new int[] {0, 1, 4, 7}) {
                    for (int shiftB : new int[] {0, 3}) {
                        MemorySegment sa = placed(arena, a, shiftA);
                        MemorySegment sb = placed(arena, b, shiftB);
                        String where = "n=" + n + " shifts " + shiftA + "/" + shiftB;
                        assertWithinBound(exactDot(a, b), dotBound(a, b), OffHeapVectors.dot(sa, sb), "dot " + where);
                        assertWithinBound(exactL2(a, b), l2Bound(a, b), OffHeapVectors.l2Squared(sa, sb), "l2 " + where);
                        assertEquals(exactCosine(a, b), OffHeapVectors.cosine(sa, sb), cosineBound(a, b), "cosine " + where);
                    }
                }
            }
        }
    }

    @Test
    void readsHeapSegmentsAndAlignedCopies() {
        SplittableRandom random = new SplittableRandom(12);
        float[] a = values(random, 768);
        float[] b = values(random, 768);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ca = OffHeapVectors.copyOf(arena, a);
            assertEquals(0, ca.address() % OffHeapVectors.ALIGNMENT, "copyOf must start on a cache line");
            assertEquals(768L * Float.BYTES, ca.byteSize());
            float heap = OffHeapVectors.dot(MemorySegment.ofArray(a), MemorySegment.ofArray(b));
            assertWithinBound(exactDot(a, b), dotBound(a, b), heap, "heap segments");
            assertWithinBound(exactDot(a, b), dotBound(a, b), OffHeapVectors.dot(ca, MemorySegment.ofArray(b)), "mixed");
        }
    }

    @Test
    void allocateGivesZeroedCacheLineAlignedMemory() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = OffHeapVectors.allocate(arena, 100);
            assertEquals(400, s.byteSize());
            assertEquals(0, s.address() % 64);
            for (int i = 0; i < 100; i++) {
                assertEquals(0f, s.getAtIndex(JAVA_FLOAT, i));
            }
            assertEquals(0, OffHeapVectors.allocate(arena, 0).byteSize());
        }
    }

    @Test
    void sumsVectorsLongerThanOneNativeCallInPieces() {
        int n = (1 << 20) + 1000;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = OffHeapVectors.allocate(arena, n);
            MemorySegment b = OffHeapVectors.allocate(arena, n);
            for (int i = 0; i < n; i++) {
                a.setAtIndex(JAVA_FLOAT, i, 1f);
                b.setAtIndex(JAVA_FLOAT, i, i < (1 << 20) ? 0.5f : 2f);
            }
            // every partial sum is exact in float: 2^19 from the first call, 2000 from the second
            assertEquals((1 << 19) + 2000f, OffHeapVectors.dot(a, b));
            assertEquals((1 << 18) + 1000f, OffHeapVectors.l2Squared(a, b));
            double expected = ((1 << 19) + 2000d) / Math.sqrt((double) n * ((1 << 18) + 4000d));
            assertEquals(expected, OffHeapVectors.cosine(a, b), 1e-6);
        }
    }

    @Test
    void zeroVectorsHaveCosineZero() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment z = OffHeapVectors.allocate(arena, 16);
            MemorySegment v = OffHeapVectors.copyOf(arena, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
            assertEquals(0d, OffHeapVectors.cosine(z, v));
            assertEquals(0f, OffHeapVectors.dot(z, v));
        }
    }

    @Test
    void badArgumentsAreNamed() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = OffHeapVectors.allocate(arena, 8);
            MemorySegment b = OffHeapVectors.allocate(arena, 9);
            IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class, () -> OffHeapVectors.dot(a, b));
            assertEquals("b must have the same size as a (32 bytes), but has 36 bytes", sizes.getMessage());
            IllegalArgumentException partial = assertThrows(IllegalArgumentException.class,
                    () -> OffHeapVectors.l2Squared(a.asSlice(0, 30), a.asSlice(0, 30)));
            assertEquals("a must hold a whole number of floats (a multiple of 4 bytes), but has 30 bytes", partial.getMessage());
            IllegalArgumentException misaligned = assertThrows(IllegalArgumentException.class,
                    () -> OffHeapVectors.cosine(a.asSlice(0, 16), a.asSlice(2, 16)));
            assertEquals("b must start at a multiple of 4 bytes (float alignment), but its alignment is 2 byte(s)",
                    misaligned.getMessage());
            assertEquals("a", assertThrows(NullPointerException.class, () -> OffHeapVectors.dot(null, b)).getMessage());
            assertEquals("arena", assertThrows(NullPointerException.class, () -> OffHeapVectors.allocate(null, 1)).getMessage());
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> OffHeapVectors.allocate(arena, -1));
            assertTrue(negative.getMessage().startsWith("floats must be in [0, "), negative.getMessage());
            assertTrue(negative.getMessage().endsWith("but was -1"), negative.getMessage());
        }
    }

    @Test
    void aClosedArenaIsRefusedNotRead() {
        MemorySegment a;
        try (Arena arena = Arena.ofConfined()) {
            a = OffHeapVectors.allocate(arena, 16);
        }
        assertThrows(IllegalStateException.class, () -> OffHeapVectors.dot(a, a));
    }

    private static MemorySegment placed(Arena arena, float[] values, int shift) {
        MemorySegment block = OffHeapVectors.allocate(arena, values.length + 16L);
        MemorySegment s = block.asSlice((long) shift * Float.BYTES, (long) values.length * Float.BYTES);
        MemorySegment.copy(values, 0, s, JAVA_FLOAT, 0, values.length);
        return s;
    }

    private static float[] values(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return v;
    }

    private static double exactDot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static double dotBound(float[] a, float[] b) {
        return a.length * 0x1p-24 * absDot(a, b) + a.length * (double) Float.MIN_VALUE;
    }

    private static double absDot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs((double) a[i] * b[i]);
        }
        return s;
    }

    private static double exactL2(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    private static double l2Bound(float[] a, float[] b) {
        // each difference is rounded once too, so count n + 2 roundings
        return (a.length + 2) * 0x1p-24 * exactL2(a, b) + a.length * (double) Float.MIN_VALUE;
    }

    private static double exactCosine(float[] a, float[] b) {
        double aa = exactDot(a, a);
        double bb = exactDot(b, b);
        return aa == 0 || bb == 0 ? 0 : exactDot(a, b) / Math.sqrt(aa * bb);
    }

    /** The float sums' bounds carried through {@code ab / sqrt(aa * bb)}, plus the double steps. */
    private static double cosineBound(float[] a, float[] b) {
        double aa = exactDot(a, a);
        double bb = exactDot(b, b);
        if (aa == 0 || bb == 0) {
            return 0;
        }
        double u = (a.length + 4) * 0x1p-24;
        return u * (absDot(a, b) / Math.sqrt(aa * bb) + Math.abs(exactCosine(a, b))) + 1e-15;
    }

    private static void assertWithinBound(double exact, double bound, float actual, String what) {
        assertTrue(Math.abs(actual - exact) <= bound, what + ": " + actual + " is more than " + bound + " from " + exact);
    }
}
