package dev.budget4j.vector.internal;

import dev.budget4j.kernel.FloatMatrix;
import dev.budget4j.kernel.internal.Blocks;
import dev.budget4j.kernel.internal.PlainLoops;
import dev.budget4j.kernel.spi.AbstractVectorKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the Vector API. Loops run four vector accumulators (to hide the latency of the adds),
 * then a one-vector loop, then a scalar tail. Fused multiply-add is used only where the JVM
 * compiles it to a single instruction (its {@code UseFMA} flag); elsewhere {@code fma} would be a
 * slow software routine, so a multiply and an add are used instead, in the vector body and in the
 * scalar tails alike.
 *
 * <p>{@link #pairwiseUnchecked pairwiseCosine} is blocked like a GEMM (Goto and van de Geijn;
 * the BLIS micro-kernel design): both matrices are packed, scaled by their inverse row norms, into
 * k-major panels ({@value #MR} rows of A, {@code 2 * lanes} rows of B), so the micro-kernel reads
 * both with unit stride; blocks of {@value #MC} x {@value #NC} results run as parallel tasks, each
 * in slices of at most {@value #KC} values of k; the micro-kernel keeps a 4 x 16 tile (at 256
 * bits) in eight registers, broadcasting one value of each of four A rows against two B vectors
 * per step.
 */
public final class PanamaVectorKernels extends AbstractVectorKernels {

    static final VectorSpecies<Float> S = species();
    static final int L = S.length();
    static final boolean FMA = Fma.useFma();

    /** Columns of the pairwise micro-kernel's tile: rows of the right matrix per packed panel. */
    static final int NR = 2 * L;
    /**
     * Rows of the pairwise micro-kernel's tile: rows of the left matrix per packed panel. Four, so
     * the tile takes eight accumulators: BLIS's 6 x 16 shape (twelve accumulators, fifteen of the
     * sixteen AVX2 registers) is what the C backend runs, but C2 spilled that kernel's
     * accumulators and boxed one per step, at a third of the speed of this one.
     */
    static final int MR = 4;
    /** Rows of the left matrix per pairwise task: 128 x 768 floats of packed A (384 KiB) fit in L2. */
    static final int MC = 128;
    /** Rows of the right matrix per pairwise task (columns of its block of {@code out}). */
    static final int NC = 512;
    /**
     * Values of k per pass over a task's block. Slices of 256 (so that a slice of a B panel stays
     * in L1, as in the C backend) measured 20% slower here than whole rows of 768: every call of
     * the micro-kernel pays a fixed cost (range checks hoisted out of its loop, loading and storing
     * its tile) that a longer loop amortizes. Longer rows are cut into slices of this length.
     */
    static final int KC = 768;

    /** Started by {@code VectorKernelProvider} through reflection. */
    public PanamaVectorKernels() {
        super("vector");
        if (L < 4) {
            throw new IllegalStateException("the preferred float vector has " + L + " lanes; at least 4 are needed");
        }
    }

    private static VectorSpecies<Float> species() {
        VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
        int bits = Integer.getInteger("budget4j.vector.bits", preferred.vectorBitSize());
        if (bits >= preferred.vectorBitSize()) {
            return preferred;
        }
        return VectorSpecies.of(float.class, VectorShape.forBitSize(Math.max(bits, 128)));
    }

    /** What this backend runs on, for logs and benchmark reports. */
    @Override
    public String toString() {
        return "VectorKernels[vector, " + S + ", fma=" + FMA + "]";
    }

    private static FloatVector fma(FloatVector a, FloatVector b, FloatVector acc) {
        return FMA ? a.fma(b, acc) : a.mul(b).add(acc);
    }

    /**
     * The scalar tails' multiply-add, on the same decision as the vector body: without the FMA
     * instruction {@code Math.fma} is an exact and slow software routine.
     */
    private static float fma(float a, float b, float acc) {
        return FMA ? Math.fma(a, b, acc) : a * b + acc;
    }

    @Override
    protected float dot(float[] a, int ao, float[] b, int bo, int n) {
        int i = 0;
        float sum = 0;
        if (n >= 2 * L) {
            i = S.loopBound(n);
            sum = (ao | bo) == 0 ? dotBody(a, b, i) : dotBody(a, ao, b, bo, i);
        }
        for (; i < n; i++) {
            sum = fma(a[ao + i], b[bo + i], sum);
        }
        return sum;
    }

    /**
     * {@link #dotBody(float[], int, float[], int, int)} for vectors that start at index 0, as every
     * call of the public {@code dot(a, b)} does. The same loop without the offsets is worth its
     * copy: C2 unrolled it four more times (sixteen multiply-adds per iteration, as it does for
     * Lucene's loop), which it did not do with the offsets.
     */
    private static float dotBody(float[] a, float[] b, int limit) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        FloatVector acc2 = FloatVector.zero(S);
        FloatVector acc3 = FloatVector.zero(S);
        int i = 0;
        for (int unrolled = limit - 3 * L; i < unrolled; i += 4 * L) {
            acc0 = fma(FloatVector.fromArray(S, a, i), FloatVector.fromArray(S, b, i), acc0);
            acc1 = fma(FloatVector.fromArray(S, a, i + L), FloatVector.fromArray(S, b, i + L), acc1);
            acc2 = fma(FloatVector.fromArray(S, a, i + 2 * L), FloatVector.fromArray(S, b, i + 2 * L), acc2);
            acc3 = fma(FloatVector.fromArray(S, a, i + 3 * L), FloatVector.fromArray(S, b, i + 3 * L), acc3);
        }
        for (; i < limit; i += L) {
            acc0 = fma(FloatVector.fromArray(S, a, i), FloatVector.fromArray(S, b, i), acc0);
        }
        return acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
    }

    /** Whole vectors up to {@code limit} (a multiple of the lane count): four accumulators, then one. */
    private static float dotBody(float[] a, int ao, float[] b, int bo, int limit) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        FloatVector acc2 = FloatVector.zero(S);
        FloatVector acc3 = FloatVector.zero(S);
        int i = 0;
        for (int unrolled = limit - 3 * L; i < unrolled; i += 4 * L) {
            acc0 = fma(FloatVector.fromArray(S, a, ao + i), FloatVector.fromArray(S, b, bo + i), acc0);
            acc1 = fma(FloatVector.fromArray(S, a, ao + i + L), FloatVector.fromArray(S, b, bo + i + L), acc1);
            acc2 = fma(FloatVector.fromArray(S, a, ao + i + 2 * L), FloatVector.fromArray(S, b, bo + i + 2 * L), acc2);
            acc3 = fma(FloatVector.fromArray(S, a, ao + i + 3 * L), FloatVector.fromArray(S, b, bo + i + 3 * L), acc3);
        }
        for (; i < limit; i += L) {
            acc0 = fma(FloatVector.fromArray(S, a, ao + i), FloatVector.fromArray(S, b, bo + i), acc0);
        }
        return acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
    }

    @Override
    protected float l2Squared(float[] a, int ao, float[] b, int bo, int n) {
        int i = 0;
        float sum = 0;
        if (n >= 2 * L) {
            i = S.loopBound(n);
            sum = (ao | bo) == 0 ? l2Body(a, b, i) : l2Body(a, ao, b, bo, i);
        }
        for (; i < n; i++) {
            float d = a[ao + i] - b[bo + i];
            sum = fma(d, d, sum);
        }
        return sum;
    }

    /** {@link #l2Body(float[], int, float[], int, int)} for vectors at index 0; see {@link #dotBody(float[], float[], int)}. */
    private static float l2Body(float[] a, float[] b, int limit) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        FloatVector acc2 = FloatVector.zero(S);
        FloatVector acc3 = FloatVector.zero(S);
        int i = 0;
        for (int unrolled = limit - 3 * L; i < unrolled; i += 4 * L) {
            FloatVector d0 = FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, b, i));
            FloatVector d1 = FloatVector.fromArray(S, a, i + L).sub(FloatVector.fromArray(S, b, i + L));
            FloatVector d2 = FloatVector.fromArray(S, a, i + 2 * L).sub(FloatVector.fromArray(S, b, i + 2 * L));
            FloatVector d3 = FloatVector.fromArray(S, a, i + 3 * L).sub(FloatVector.fromArray(S, b, i + 3 * L));
            acc0 = fma(d0, d0, acc0);
            acc1 = fma(d1, d1, acc1);
            acc2 = fma(d2, d2, acc2);
            acc3 = fma(d3, d3, acc3);
        }
        for (; i < limit; i += L) {
            FloatVector d = FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, b, i));
            acc0 = fma(d, d, acc0);
        }
        return acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
    }

    /**
     * Whole vectors up to {@code limit} (a multiple of the lane count), shaped like
     * {@link #dotBody}: a separate method with a counted loop. Written inline in
     * {@link #l2Squared} with an {@code i <= n - 4 * lanes} bound, this loop took 1.2 to 1.3 times
     * as long as Lucene's for 768 floats on a Zen 3 core.
     */
    private static float l2Body(float[] a, int ao, float[] b, int bo, int limit) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        FloatVector acc2 = FloatVector.zero(S);
        FloatVector acc3 = FloatVector.zero(S);
        int i = 0;
        for (int unrolled = limit - 3 * L; i < unrolled; i += 4 * L) {
            FloatVector d0 = FloatVector.fromArray(S, a, ao + i).sub(FloatVector.fromArray(S, b, bo + i));
            FloatVector d1 = FloatVector.fromArray(S, a, ao + i + L).sub(FloatVector.fromArray(S, b, bo + i + L));
            FloatVector d2 = FloatVector.fromArray(S, a, ao + i + 2 * L).sub(FloatVector.fromArray(S, b, bo + i + 2 * L));
            FloatVector d3 = FloatVector.fromArray(S, a, ao + i + 3 * L).sub(FloatVector.fromArray(S, b, bo + i + 3 * L));
            acc0 = fma(d0, d0, acc0);
            acc1 = fma(d1, d1, acc1);
            acc2 = fma(d2, d2, acc2);
            acc3 = fma(d3, d3, acc3);
        }
        for (; i < limit; i += L) {
            FloatVector d = FloatVector.fromArray(S, a, ao + i).sub(FloatVector.fromArray(S, b, bo + i));
            acc0 = fma(d, d, acc0);
        }
        return acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
    }

    /**
     * Three multiply-adds per pair of loads make cosine bound by the multiply-add ports, not by
     * loads as dot is; three vectors per step (nine accumulators) keep enough multiply-adds in
     * flight to cover their latency, where two (six) left the loop waiting on it: 768 dims took
     * 72 instead of 82 to 97 ns on a Zen 3 core.
     */
    @Override
    protected double cosineUnchecked(float[] a, float[] b) {
        int n = a.length;
        int i = 0;
        float ab = 0, aa = 0, bb = 0;
        if (n >= L) {
            FloatVector ab0 = FloatVector.zero(S), ab1 = ab0, ab2 = ab0;
            FloatVector aa0 = ab0, aa1 = ab0, aa2 = ab0;
            FloatVector bb0 = ab0, bb1 = ab0, bb2 = ab0;
            for (int end = n - 3 * L; i <= end; i += 3 * L) {
                FloatVector x = FloatVector.fromArray(S, a, i), y = FloatVector.fromArray(S, b, i);
                ab0 = fma(x, y, ab0);
                aa0 = fma(x, x, aa0);
                bb0 = fma(y, y, bb0);
                x = FloatVector.fromArray(S, a, i + L);
                y = FloatVector.fromArray(S, b, i + L);
                ab1 = fma(x, y, ab1);
                aa1 = fma(x, x, aa1);
                bb1 = fma(y, y, bb1);
                x = FloatVector.fromArray(S, a, i + 2 * L);
                y = FloatVector.fromArray(S, b, i + 2 * L);
                ab2 = fma(x, y, ab2);
                aa2 = fma(x, x, aa2);
                bb2 = fma(y, y, bb2);
            }
            for (int end = n - L; i <= end; i += L) {
                FloatVector x = FloatVector.fromArray(S, a, i), y = FloatVector.fromArray(S, b, i);
                ab0 = fma(x, y, ab0);
                aa0 = fma(x, x, aa0);
                bb0 = fma(y, y, bb0);
            }
            ab = ab0.add(ab1).add(ab2).reduceLanes(VectorOperators.ADD);
            aa = aa0.add(aa1).add(aa2).reduceLanes(VectorOperators.ADD);
            bb = bb0.add(bb1).add(bb2).reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            ab = fma(a[i], b[i], ab);
            aa = fma(a[i], a[i], aa);
            bb = fma(b[i], b[i], bb);
        }
        return PlainLoops.finishCosine(ab, aa, bb);
    }

    @Override
    protected void scoreAllUnchecked(float[] q, float[] data, int rows, int cols, float[] out) {
        final int block = 1024;
        Blocks.forEach(rows, block, Blocks.worthParallel((long) rows * cols), r0 -> scoreRows(q, data, r0,
                Math.min(rows, r0 + block), cols, out));
    }

    /** Four rows at a time: four independent accumulators sharing each query load. */
    private void scoreRows(float[] q, float[] data, int from, int to, int cols, float[] out) {
        int r = from;
        int vecEnd = cols - cols % L;
        for (; r + 4 <= to; r += 4) {
            int o0 = r * cols, o1 = o0 + cols, o2 = o1 + cols, o3 = o2 + cols;
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = FloatVector.zero(S);
            FloatVector acc2 = FloatVector.zero(S);
            FloatVector acc3 = FloatVector.zero(S);
            int i = 0;
            for (; i < vecEnd; i += L) {
                FloatVector x = FloatVector.fromArray(S, q, i);
                acc0 = fma(x, FloatVector.fromArray(S, data, o0 + i), acc0);
                acc1 = fma(x, FloatVector.fromArray(S, data, o1 + i), acc1);
                acc2 = fma(x, FloatVector.fromArray(S, data, o2 + i), acc2);
                acc3 = fma(x, FloatVector.fromArray(S, data, o3 + i), acc3);
            }
            float s0 = acc0.reduceLanes(VectorOperators.ADD);
            float s1 = acc1.reduceLanes(VectorOperators.ADD);
            float s2 = acc2.reduceLanes(VectorOperators.ADD);
            float s3 = acc3.reduceLanes(VectorOperators.ADD);
            for (; i < cols; i++) {
                s0 = fma(q[i], data[o0 + i], s0);
                s1 = fma(q[i], data[o1 + i], s1);
                s2 = fma(q[i], data[o2 + i], s2);
                s3 = fma(q[i], data[o3 + i], s3);
            }
            out[r] = s0;
            out[r + 1] = s1;
            out[r + 2] = s2;
            out[r + 3] = s3;
        }
        for (; r < to; r++) {
            out[r] = dot(q, 0, data, r * cols, cols);
        }
    }

    @Override
    protected void pairwiseUnchecked(FloatMatrix a, float[] invNormA, FloatMatrix b, float[] invNormB, float[] out,
                                     boolean parallel) {
        int m = a.rows();
        int n = b.rows();
        int d = a.cols();
        int panelsA = (m + MR - 1) / MR;
        int panelsB = (n + NR - 1) / NR;
        float[] pa = new float[Math.multiplyExact(Math.multiplyExact(panelsA, d), MR)];
        float[] pb = new float[Math.multiplyExact(Math.multiplyExact(panelsB, d), NR)];
        float[] ad = a.data();
        float[] bd = b.data();
        Blocks.forEach(panelsA, 16, parallel, p0 -> pack(ad, invNormA, m, d, p0, Math.min(panelsA, p0 + 16), MR, pa));
        Blocks.forEach(panelsB, 8, parallel, p0 -> pack(bd, invNormB, n, d, p0, Math.min(panelsB, p0 + 8), NR, pb));
        int rowBlocks = (m + MC - 1) / MC;
        int colBlocks = (n + NC - 1) / NC;
        // Neighbouring tasks share a block of rows of A: it stays in the L2 cache.
        Blocks.forEach(rowBlocks * colBlocks, 1, parallel, t -> {
            int i0 = (t / colBlocks) * MC;
            int j0 = (t % colBlocks) * NC;
            int i1 = Math.min(m, i0 + MC);
            int j1 = Math.min(n, j0 + NC);
            float[] scratch = null;
            for (int k0 = 0; k0 < d; k0 += KC) {
                int k1 = Math.min(d, k0 + KC);
                boolean accumulate = k0 > 0;
                for (int j = j0; j < j1; j += NR) {
                    int bo = (j / NR) * d * NR + k0 * NR;
                    int cols = Math.min(NR, j1 - j);
                    for (int i = i0; i < i1; i += MR) {
                        int ao = (i / MR) * d * MR + k0 * MR;
                        int rows = Math.min(MR, i1 - i);
                        if (rows == MR && cols == NR) {
                            micro(k1 - k0, pa, ao, pb, bo, out, i * n + j, n, accumulate);
                        } else {
                            // An edge tile goes through a scratch tile: masked stores in the
                            // micro-kernel made C2 fall back to a slow path for the whole method.
                            if (scratch == null) {
                                scratch = new float[MR * NR];
                            }
                            edge(k1 - k0, pa, ao, pb, bo, out, i * n + j, n, rows, cols, accumulate, scratch);
                        }
                    }
                }
            }
        });
    }

    /**
     * Copies rows {@code [p0 * width, p1 * width)} of a row-major matrix into panels of {@code width}
     * rows stored k-major ({@code packed[p * d * width + k * width + r]}), each row scaled by its
     * inverse norm; rows past the end stay zero.
     */
    private static void pack(float[] src, float[] inv, int rows, int d, int p0, int p1, int width, float[] packed) {
        for (int p = p0; p < p1; p++) {
            int base = p * d * width;
            for (int r = 0; r < width; r++) {
                int row = p * width + r;
                if (row >= rows) {
                    break;
                }
                float s = inv[row];
                int from = row * d;
                for (int k = 0; k < d; k++) {
                    packed[base + k * width + r] = src[from + k] * s;
                }
            }
        }
    }

    private static void edge(int kc, float[] pa, int ao, float[] pb, int bo, float[] out, int oo, int ldo, int rows,
                             int cols, boolean accumulate, float[] scratch) {
        for (int r = 0; r < MR; r++) {
            for (int c = 0; c < NR; c++) {
                scratch[r * NR + c] = accumulate && r < rows && c < cols ? out[oo + r * ldo + c] : 0f;
            }
        }
        micro(kc, pa, ao, pb, bo, scratch, 0, NR, true);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(scratch, r * NR, out, oo + r * ldo, cols);
        }
    }

    /**
     * The micro-kernel: one {@value #MR} x {@code 2 * lanes} tile of {@code out} over {@code kc}
     * values of k, in eight vector accumulators. Per k: two vector loads of the packed B panel,
     * four broadcasts from the packed A panel, eight multiply-adds. Stores the tile, or adds it to
     * what {@code out} holds when {@code accumulate}.
     */
    private static void micro(int kc, float[] pa, int ao, float[] pb, int bo, float[] out, int oo, int ldo,
                              boolean accumulate) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int k = 0; k < kc; k++) {
            int bk = bo + k * NR;
            int ak = ao + k * MR;
            FloatVector b0 = FloatVector.fromArray(S, pb, bk);
            FloatVector b1 = FloatVector.fromArray(S, pb, bk + L);
            FloatVector x = FloatVector.broadcast(S, pa[ak]);
            c00 = fma(b0, x, c00);
            c01 = fma(b1, x, c01);
            x = FloatVector.broadcast(S, pa[ak + 1]);
            c10 = fma(b0, x, c10);
            c11 = fma(b1, x, c11);
            x = FloatVector.broadcast(S, pa[ak + 2]);
            c20 = fma(b0, x, c20);
            c21 = fma(b1, x, c21);
            x = FloatVector.broadcast(S, pa[ak + 3]);
            c30 = fma(b0, x, c30);
            c31 = fma(b1, x, c31);
        }
        store(c00, c01, out, oo, accumulate);
        store(c10, c11, out, oo + ldo, accumulate);
        store(c20, c21, out, oo + 2 * ldo, accumulate);
        store(c30, c31, out, oo + 3 * ldo, accumulate);
    }

    private static void store(FloatVector c0, FloatVector c1, float[] out, int oo, boolean accumulate) {
        if (accumulate) {
            c0 = c0.add(FloatVector.fromArray(S, out, oo));
            c1 = c1.add(FloatVector.fromArray(S, out, oo + L));
        }
        c0.intoArray(out, oo);
        c1.intoArray(out, oo + L);
    }

    /** Int8 scoring on int vectors: see {@link PanamaInt8}. */
    @Override
    protected void scoreAllInt8Unchecked(byte[] query, byte[] codes, int rows, int cols, int[] out) {
        PanamaInt8.scoreAll(query, codes, rows, cols, out);
    }
}
