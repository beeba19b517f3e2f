package dev.budget4j.ffi.internal;

import dev.budget4j.kernel.FloatMatrix;
import dev.budget4j.kernel.internal.Blocks;
import dev.budget4j.kernel.internal.PlainLoops;
import dev.budget4j.kernel.spi.AbstractVectorKernels;

import java.lang.foreign.MemorySegment;

/**
 * The {@code "native"} backend. Every call has had its arguments checked by
 * {@link AbstractVectorKernels} before it gets here; arrays go to C in place as heap segments
 * through critical downcalls, and long work is cut into tiles of at most about
 * {@value #MAX_WORK_PER_CALL} multiply-adds per call (well under a millisecond) so that no
 * critical call holds off a safepoint for long.
 */
public final class NativeKernels extends AbstractVectorKernels {

    /** Upper bound of work per downcall, in multiply-adds. */
    static final long MAX_WORK_PER_CALL = 1L << 23;
    /** Vector length above which dot and l2 are summed over several calls. */
    static final int MAX_LENGTH_PER_CALL = 1 << 20;
    /** Rows of the left matrix per parallel task of the pairwise kernel. */
    static final int MC = 128;

    /** Started by the provider once the library has loaded. */
    public NativeKernels() {
        super("native");
        if (Natives.FAILURE != null) {
            throw new IllegalStateException(Natives.FAILURE);
        }
    }

    @Override
    public String toString() {
        return "VectorKernels[native, " + Natives.VARIANT + "]";
    }

    @Override
    protected float dot(float[] a, int ao, float[] b, int bo, int n) {
        if (Natives.DOT == null) {
            return PlainLoops.dot(a, ao, b, bo, n);
        }
        if (n > MAX_LENGTH_PER_CALL) {
            float s = 0;
            for (int i = 0; i < n; i += MAX_LENGTH_PER_CALL) {
                s += dot(a, ao + i, b, bo + i, Math.min(MAX_LENGTH_PER_CALL, n - i));
            }
            return s;
        }
        try {
            return (float) Natives.DOT.invokeExact(MemorySegment.ofArray(a), (long) ao, MemorySegment.ofArray(b),
                    (long) bo, (long) n);
        } catch (Throwable t) {
            throw Natives.rethrow(t);
        }
    }

    @Override
    protected float l2Squared(float[] a, int ao, float[] b, int bo, int n) {
        if (Natives.L2SQ == null) {
            return PlainLoops.l2Squared(a, ao, b, bo, n);
        }
        if (n > MAX_LENGTH_PER_CALL) {
            float s = 0;
            for (int i = 0; i < n; i += MAX_LENGTH_PER_CALL) {
                s += l2Squared(a, ao + i, b, bo + i, Math.min(MAX_LENGTH_PER_CALL, n - i));
            }
            return s;
        }
        try {
            return (float) Natives.L2SQ.invokeExact(MemorySegment.ofArray(a), (long) ao, MemorySegment.ofArray(b),
                    (long) bo, (long) n);
        } catch (Throwable t) {
            throw Natives.rethrow(t);
        }
    }

    @Override
    protected double cosineUnchecked(float[] a, float[] b) {
        if (Natives.COSINE_PARTS == null || a.length > MAX_LENGTH_PER_CALL) {
            return super.cosineUnchecked(a, b);
        }
        float[] parts = new float[3];
        try {
            Natives.COSINE_PARTS.invokeExact(MemorySegment.ofArray(a), MemorySegment.ofArray(b), (long) a.length,
                    MemorySegment.ofArray(parts));
        } catch (Throwable t) {
            throw Natives.rethrow(t);
        }
        return PlainLoops.finishCosine(parts[0], parts[1], parts[2]);
    }

    @Override
    protected void scoreAllUnchecked(float[] q, float[] data, int rows, int cols, float[] out) {
        if (Natives.SCORE_ROWS == null) {
            super.scoreAllUnchecked(q, data, rows, cols, out);
            return;
        }
        int block = (int) Math.max(1, Math.min(rows, MAX_WORK_PER_CALL / Math.max(1, cols)));
        block = Math.min(block, 4096);
        int tile = block;
        Blocks.forEach(rows, tile, Blocks.worthParallel((long) rows * cols), r0 -> {
            try {
                Natives.SCORE_ROWS.invokeExact(MemorySegment.ofArray(q), MemorySegment.ofArray(data), (long) r0,
                        (long) Math.min(rows, r0 + tile), (long) cols, MemorySegment.ofArray(out));
            } catch (Throwable t) {
                throw Natives.rethrow(t);
            }
        });
    }

    @Override
    protected void pairwiseUnchecked(FloatMatrix a, float[] invNormA, FloatMatrix b, float[] invNormB, float[] out,
                                     boolean parallel) {
        if (Natives.PACK == null || Natives.PAIRWISE_BLOCK == null || Natives.PANEL_WIDTH <= 0) {
            super.pairwiseUnchecked(a, invNormA, b, invNormB, out, parallel);
            return;
        }
        int m = a.rows();
        int n = b.rows();
        int d = a.cols();
        int nr = Natives.PANEL_WIDTH;
        int panels = (n + nr - 1) / nr;
        float[] packed = new float[Math.multiplyExact(Math.multiplyExact(panels, d), nr)];
        float[] bd = b.data();
        float[] ad = a.data();
        // Panels per call: packing copies d * nr floats per panel; keep each call near the bound.
        int packStep = (int) Math.max(1, MAX_WORK_PER_CALL / 8 / ((long) d * nr));
        Blocks.forEach(panels, packStep, parallel, p0 -> {
            try {
                Natives.PACK.invokeExact(MemorySegment.ofArray(bd), MemorySegment.ofArray(invNormB), (long) n,
                        (long) d, (long) p0, (long) Math.min(panels, p0 + packStep), MemorySegment.ofArray(packed));
            } catch (Throwable t) {
                throw Natives.rethrow(t);
            }
        });
        Blocks.forEach(m, MC, parallel, i0 -> {
            int i1 = Math.min(m, i0 + MC);
            long workPerPanel = (long) (i1 - i0) * nr * d;
            int step = (int) Math.max(1, MAX_WORK_PER_CALL / workPerPanel);
            for (int p0 = 0; p0 < panels; p0 += step) {
                try {
                    Natives.PAIRWISE_BLOCK.invokeExact(MemorySegment.ofArray(ad), MemorySegment.ofArray(invNormA),
                            (long) i0, (long) i1, (long) d, MemorySegment.ofArray(packed), (long) p0,
                            (long) Math.min(panels, p0 + step), (long) n, MemorySegment.ofArray(out));
                } catch (Throwable t) {
                    throw Natives.rethrow(t);
                }
            }
        });
    }

    /**
     * Int8 scoring in C ({@code b4j_score_rows_i8}), in tiles of at most 4096 rows and about
     * {@value #MAX_WORK_PER_CALL} multiply-adds per call, like {@code scoreAll}.
     */
    @Override
    protected void scoreAllInt8Unchecked(byte[] query, byte[] codes, int rows, int cols, int[] out) {
        if (Natives.SCORE_ROWS_I8 == null) {
            super.scoreAllInt8Unchecked(query, codes, rows, cols, out);
            return;
        }
        int tile = (int) Math.min(4096, Math.max(1, Math.min(rows, MAX_WORK_PER_CALL / Math.max(1, cols))));
        Blocks.forEach(rows, tile, Blocks.worthParallel((long) rows * cols), r0 -> {
            try {
                Natives.SCORE_ROWS_I8.invokeExact(MemorySegment.ofArray(query), MemorySegment.ofArray(codes),
                        (long) r0, (long) Math.min(rows, r0 + tile), (long) cols, MemorySegment.ofArray(out));
            } catch (Throwable t) {
                throw Natives.rethrow(t);
            }
        });
    }
}
