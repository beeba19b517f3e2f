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
 * <p>{@link #pairwiseUnchecked pairwiseCosine} is a packed, broadcast-form, register-blocked
 * kernel: the right matrix is copied once into panels of {@code 2 * lanes} columns stored
 * k-major (scaled by the inverse row norms on the way), and each step of the micro-kernel
 * broadcasts one element of four left rows against two panel vectors into eight accumulators.
 * That does eight multiply-adds per two vector loads and four scalar loads, against one load per
 * multiply-add for a dot-form kernel.
 */
public final class PanamaVectorKernels extends AbstractVectorKernels {

    static final VectorSpecies<Float> S = species();
    static final int L = S.length();
    static final boolean FMA = Fma.useFma();

    /** Panel width (columns of the right matrix per micro-kernel). */
    static final int NR = 2 * L;
    /** Rows of the left matrix per micro-kernel. */
    static final int MR = 4;
    /** Rows of the left matrix per parallel task (a 128 x 768 block is 384 KiB: fits in L2). */
    static final int MC = 128;

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
            sum = dotBody(a, ao, b, bo, i);
        }
        for (; i < n; i++) {
            sum = fma(a[ao + i], b[bo + i], sum);
        }
        return sum;
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
        if (n >= L) {
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = FloatVector.zero(S);
            FloatVector acc2 = FloatVector.zero(S);
            FloatVector acc3 = FloatVector.zero(S);
            for (int end = n - 4 * L; i <= end; i += 4 * L) {
                FloatVector d0 = FloatVector.fromArray(S, a, ao + i).sub(FloatVector.fromArray(S, b, bo + i));
                FloatVector d1 = FloatVector.fromArray(S, a, ao + i + L).sub(FloatVector.fromArray(S, b, bo + i + L));
                FloatVector d2 = FloatVector.fromArray(S, a, ao + i + 2 * L).sub(FloatVector.fromArray(S, b, bo + i + 2 * L));
                FloatVector d3 = FloatVector.fromArray(S, a, ao + i + 3 * L).sub(FloatVector.fromArray(S, b, bo + i + 3 * L));
                acc0 = fma(d0, d0, acc0);
                acc1 = fma(d1, d1, acc1);
                acc2 = fma(d2, d2, acc2);
                acc3 = fma(d3, d3, acc3);
            }
            for (int end = n - L; i <= end; i += L) {
                FloatVector d = FloatVector.fromArray(S, a, ao + i).sub(FloatVector.fromArray(S, b, bo + i));
                acc0 = fma(d, d, acc0);
            }
            sum = acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            float d = a[ao + i] - b[bo + i];
            sum = fma(d, d, sum);
        }
        return sum;
    }

    @Override
    protected double cosineUnchecked(float[] a, float[] b) {
        int n = a.length;
        int i = 0;
        float ab = 0, aa = 0, bb = 0;
        if (n >= L) {
            FloatVector ab0 = FloatVector.zero(S), ab1 = FloatVector.zero(S);
            FloatVector aa0 = FloatVector.zero(S), aa1 = FloatVector.zero(S);
            FloatVector bb0 = FloatVector.zero(S), bb1 = FloatVector.zero(S);
            for (int end = n - 2 * L; i <= end; i += 2 * L) {
                FloatVector x0 = FloatVector.fromArray(S, a, i), y0 = FloatVector.fromArray(S, b, i);
                FloatVector x1 = FloatVector.fromArray(S, a, i + L), y1 = FloatVector.fromArray(S, b, i + L);
                ab0 = fma(x0, y0, ab0);
                aa0 = fma(x0, x0, aa0);
                bb0 = fma(y0, y0, bb0);
                ab1 = fma(x1, y1, ab1);
                aa1 = fma(x1, x1, aa1);
                bb1 = fma(y1, y1, bb1);
            }
            for (int end = n - L; i <= end; i += L) {
                FloatVector x = FloatVector.fromArray(S, a, i), y = FloatVector.fromArray(S, b, i);
                ab0 = fma(x, y, ab0);
                aa0 = fma(x, x, aa0);
                bb0 = fma(y, y, bb0);
            }
            ab = ab0.add(ab1).reduceLanes(VectorOperators.ADD);
            aa = aa0.add(aa1).reduceLanes(VectorOperators.ADD);
            bb = bb0.add(bb1).reduceLanes(VectorOperators.ADD);
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
        int panels = (n + NR - 1) / NR;
        float[] packed = new float[Math.multiplyExact(Math.multiplyExact(panels, d), NR)];
        float[] bd = b.data();
        Blocks.forEach(panels, 8, parallel, p0 -> {
            for (int p = p0; p < Math.min(panels, p0 + 8); p++) {
                pack(bd, invNormB, n, d, p, packed);
            }
        });
        float[] ad = a.data();
        Blocks.forEach(m, MC, parallel, i0 -> {
            int i1 = Math.min(m, i0 + MC);
            // A partial last panel is computed into this scratch tile and copied: masked stores in
            // the micro-kernel made C2 fall back to a slow path for the whole method.
            float[] scratch = new float[MR * NR];
            for (int p = 0; p < panels; p++) {
                int j0 = p * NR;
                int po = p * d * NR;
                int valid = Math.min(NR, n - j0);
                int i = i0;
                for (; i + MR <= i1; i += MR) {
                    if (valid == NR) {
                        kernel4(ad, i * d, d, packed, po, invNormA, i, out, i * n + j0, n);
                    } else {
                        kernel4(ad, i * d, d, packed, po, invNormA, i, scratch, 0, NR);
                        copy(scratch, MR, valid, out, i * n + j0, n);
                    }
                }
                for (; i < i1; i++) {
                    if (valid == NR) {
                        kernel1(ad, i * d, d, packed, po, invNormA[i], out, i * n + j0);
                    } else {
                        kernel1(ad, i * d, d, packed, po, invNormA[i], scratch, 0);
                        copy(scratch, 1, valid, out, i * n + j0, n);
                    }
                }
            }
        });
    }

    private static void copy(float[] scratch, int rows, int valid, float[] out, int oo, int ldo) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(scratch, r * NR, out, oo + r * ldo, valid);
        }
    }

    /** Copies columns {@code [p * NR, p * NR + NR)} of B^T, k-major, scaled by the inverse norms. */
    private static void pack(float[] bd, float[] invNormB, int n, int d, int p, float[] packed) {
        int base = p * d * NR;
        for (int c = 0; c < NR; c++) {
            int j = p * NR + c;
            if (j >= n) {
                break; // the rest of the panel stays zero
            }
            float s = invNormB[j];
            int src = j * d;
            for (int k = 0; k < d; k++) {
                packed[base + k * NR + c] = bd[src + k] * s;
            }
        }
    }

    /** Four left rows by one panel: eight accumulators. */
    private static void kernel4(float[] ad, int ao, int d, float[] packed, int po, float[] invA, int i,
                                float[] out, int oo, int ldo) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int a0 = ao, a1 = ao + d, a2 = ao + 2 * d, a3 = ao + 3 * d;
        for (int k = 0; k < d; k++) {
            FloatVector b0 = FloatVector.fromArray(S, packed, po + k * NR);
            FloatVector b1 = FloatVector.fromArray(S, packed, po + k * NR + L);
            FloatVector x = FloatVector.broadcast(S, ad[a0 + k]);
            c00 = fma(b0, x, c00);
            c01 = fma(b1, x, c01);
            x = FloatVector.broadcast(S, ad[a1 + k]);
            c10 = fma(b0, x, c10);
            c11 = fma(b1, x, c11);
            x = FloatVector.broadcast(S, ad[a2 + k]);
            c20 = fma(b0, x, c20);
            c21 = fma(b1, x, c21);
            x = FloatVector.broadcast(S, ad[a3 + k]);
            c30 = fma(b0, x, c30);
            c31 = fma(b1, x, c31);
        }
        store(c00, c01, invA[i], out, oo);
        store(c10, c11, invA[i + 1], out, oo + ldo);
        store(c20, c21, invA[i + 2], out, oo + 2 * ldo);
        store(c30, c31, invA[i + 3], out, oo + 3 * ldo);
    }

    private static void kernel1(float[] ad, int ao, int d, float[] packed, int po, float invA, float[] out, int oo) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
        for (int k = 0; k < d; k++) {
            FloatVector x = FloatVector.broadcast(S, ad[ao + k]);
            c0 = fma(FloatVector.fromArray(S, packed, po + k * NR), x, c0);
            c1 = fma(FloatVector.fromArray(S, packed, po + k * NR + L), x, c1);
        }
        store(c0, c1, invA, out, oo);
    }

    private static void store(FloatVector c0, FloatVector c1, float scale, float[] out, int oo) {
        c0.mul(scale).intoArray(out, oo);
        c1.mul(scale).intoArray(out, oo + L);
    }

    /** Int8 scoring on int vectors: see {@link PanamaInt8}. */
    @Override
    protected void scoreAllInt8Unchecked(byte[] query, byte[] codes, int rows, int cols, int[] out) {
        PanamaInt8.scoreAll(query, codes, rows, cols, out);
    }
}
