package dev.budget4j.vector.internal;

import dev.budget4j.kernel.internal.Blocks;
import dev.budget4j.kernel.internal.Int8Loops;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector backend's int8 scoring. The query's codes are widened to ints once per call; each
 * step loads as many row codes as an int vector has lanes (8 bytes for 256-bit vectors), widens
 * them to ints ({@code B2I}), multiplies and adds. Four rows share each query load, as in the
 * float {@code scoreAll}. Integer sums are exact in any order, so the result is the plain loop's,
 * to the bit.
 *
 * <p>Int vectors have the float vectors' shape (so {@code budget4j.vector.bits} caps both). With
 * fewer than 8 int lanes (128-bit vectors) there is no byte vector to widen from, and the plain
 * loop runs instead.
 */
final class PanamaInt8 {

    static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, PanamaVectorKernels.S.vectorShape());
    static final int L = IS.length();
    /** Byte vectors with one lane per int lane, or null when that shape does not exist (under 64 bits). */
    static final VectorSpecies<Byte> BS = L >= 8 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(L * 8)) : null;

    private static final int BLOCK = 1024;

    private PanamaInt8() {
    }

    static void scoreAll(byte[] q, byte[] codes, int rows, int cols, int[] out) {
        if (BS == null || cols < L) {
            Blocks.forEach(rows, BLOCK, Blocks.worthParallel((long) rows * cols),
                    r0 -> Int8Loops.scoreRows(q, codes, r0, Math.min(rows, r0 + BLOCK), cols, out));
            return;
        }
        int[] wide = new int[cols];
        for (int i = 0; i < cols; i++) {
            wide[i] = q[i];
        }
        Blocks.forEach(rows, BLOCK, Blocks.worthParallel((long) rows * cols),
                r0 -> scoreRows(wide, codes, r0, Math.min(rows, r0 + BLOCK), cols, out));
    }

    private static IntVector codes(byte[] codes, int offset) {
        return (IntVector) ByteVector.fromArray(BS, codes, offset).convertShape(VectorOperators.B2I, IS, 0);
    }

    private static void scoreRows(int[] q, byte[] codes, int from, int to, int cols, int[] out) {
        int vecEnd = cols - cols % L;
        int r = from;
        for (; r + 4 <= to; r += 4) {
            int o0 = r * cols, o1 = o0 + cols, o2 = o1 + cols, o3 = o2 + cols;
            IntVector acc0 = IntVector.zero(IS);
            IntVector acc1 = IntVector.zero(IS);
            IntVector acc2 = IntVector.zero(IS);
            IntVector acc3 = IntVector.zero(IS);
            int i = 0;
            for (; i < vecEnd; i += L) {
                IntVector x = IntVector.fromArray(IS, q, i);
                acc0 = acc0.add(x.mul(codes(codes, o0 + i)));
                acc1 = acc1.add(x.mul(codes(codes, o1 + i)));
                acc2 = acc2.add(x.mul(codes(codes, o2 + i)));
                acc3 = acc3.add(x.mul(codes(codes, o3 + i)));
            }
            int s0 = acc0.reduceLanes(VectorOperators.ADD);
            int s1 = acc1.reduceLanes(VectorOperators.ADD);
            int s2 = acc2.reduceLanes(VectorOperators.ADD);
            int s3 = acc3.reduceLanes(VectorOperators.ADD);
            for (; i < cols; i++) {
                s0 += q[i] * codes[o0 + i];
                s1 += q[i] * codes[o1 + i];
                s2 += q[i] * codes[o2 + i];
                s3 += q[i] * codes[o3 + i];
            }
            out[r] = s0;
            out[r + 1] = s1;
            out[r + 2] = s2;
            out[r + 3] = s3;
        }
        for (; r < to; r++) {
            int o = r * cols;
            IntVector acc = IntVector.zero(IS);
            int i = 0;
            for (; i < vecEnd; i += L) {
                acc = acc.add(IntVector.fromArray(IS, q, i).mul(codes(codes, o + i)));
            }
            int s = acc.reduceLanes(VectorOperators.ADD);
            for (; i < cols; i++) {
                s += q[i] * codes[o + i];
            }
            out[r] = s;
        }
    }
}
