package dev.budget4j.ffi.internal;

import dev.budget4j.kernel.FloatMatrix;
import dev.budget4j.kernel.internal.Blocks;
import dev.budget4j.kernel.internal.PlainLoops;
import dev.budget4j.kernel.spi.AbstractVectorKernels;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

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
    /**
     * Block of the pairwise kernel: rows of the left matrix per task (144 x 256 floats of packed A,
     * 144 KiB, stay in L2; BLIS uses 144 for sgemm on Zen 3), a multiple of every variant's panel
     * height (6 or 8).
     */
    static final int MC = 144;
    /** Block of the pairwise kernel: rows of the right matrix per task, a multiple of every panel width. */
    static final int NC = 256;
    /**
     * Block of the pairwise kernel: values of {@code k} per downcall. A 256 x 16 slice of a packed
     * B panel is 16 KiB and stays in L1 while the micro-kernel runs down the rows of the block.
     */
    static final int KC = 256;

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
        if (Natives.COSINE == null || a.length > MAX_LENGTH_PER_CALL) {
            return super.cosineUnchecked(a, b);
        }
        try {
            // One call that returns the finished cosine: the three sums used to come back through
            // a float[3] allocated per call, which cost more than a short vector's arithmetic.
            return (double) Natives.COSINE.invokeExact(MemorySegment.ofArray(a), MemorySegment.ofArray(b),
                    (long) a.length);
        } catch (Throwable t) {
            throw Natives.rethrow(t);
        }
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

    /**
     * The pairwise kernel, blocked like a GEMM (see {@code b4j_gemm_block} in the C source): both
     * matrices are packed into aligned native memory (scaled by their inverse norms), then the
     * {@value #MC} x {@value #NC} blocks of {@code out} are computed in parallel, each in slices of
     * {@value #KC} values of {@code k}, one critical downcall per slice (at most
     * {@code MC * NC * KC} = 9.4 million multiply-adds, about 0.1 ms).
     */
    @Override
    protected void pairwiseUnchecked(FloatMatrix a, float[] invNormA, FloatMatrix b, float[] invNormB, float[] out,
                                     boolean parallel) {
        if (Natives.PACK_A == null || Natives.PACK_B == null || Natives.GEMM_BLOCK == null
                || Natives.PANEL_WIDTH <= 0 || Natives.PANEL_HEIGHT <= 0) {
            super.pairwiseUnchecked(a, invNormA, b, invNormB, out, parallel);
            return;
        }
        int m = a.rows();
        int n = b.rows();
        int d = a.cols();
        int mr = Natives.PANEL_HEIGHT;
        int nr = Natives.PANEL_WIDTH;
        int panelsA = (m + mr - 1) / mr;
        int panelsB = (n + nr - 1) / nr;
        // A shared arena when the blocks run on the common pool; closing one costs a handshake with
        // every thread, which a small sequential call should not pay.
        try (Arena arena = parallel ? Arena.ofShared() : Arena.ofConfined()) {
            MemorySegment pa = arena.allocate((long) panelsA * mr * d * Float.BYTES, 64);
            MemorySegment pb = arena.allocate((long) panelsB * nr * d * Float.BYTES, 64);
            pack(Natives.PACK_A, a.data(), invNormA, m, d, panelsA, mr, pa, parallel);
            pack(Natives.PACK_B, b.data(), invNormB, n, d, panelsB, nr, pb, parallel);
            int rowBlocks = (m + MC - 1) / MC;
            int colBlocks = (n + NC - 1) / NC;
            // Neighbouring tasks share a block of rows of A: it stays in the L2 cache.
            Blocks.forEach(rowBlocks * colBlocks, 1, parallel, t -> {
                int i0 = (t / colBlocks) * MC;
                int j0 = (t % colBlocks) * NC;
                int i1 = Math.min(m, i0 + MC);
                int j1 = Math.min(n, j0 + NC);
                MemorySegment o = MemorySegment.ofArray(out);
                for (int k0 = 0; k0 < d; k0 += KC) {
                    try {
                        Natives.GEMM_BLOCK.invokeExact(pa, pb, (long) d, (long) i0, (long) i1, (long) j0, (long) j1,
                                (long) k0, (long) Math.min(d, k0 + KC), (long) n, o);
                    } catch (Throwable e) {
                        throw Natives.rethrow(e);
                    }
                }
            });
        }
    }

    /** Packs all panels of one matrix, a bounded number of panels per downcall. */
    private static void pack(MethodHandle packer, float[] data, float[] invNorm, int rows, int d, int panels, int width,
                             MemorySegment packed, boolean parallel) {
        int step = (int) Math.max(1, MAX_WORK_PER_CALL / 8 / ((long) d * width));
        Blocks.forEach(panels, step, parallel, p0 -> {
            try {
                packer.invokeExact(MemorySegment.ofArray(data), MemorySegment.ofArray(invNorm), (long) rows, (long) d,
                        (long) p0, (long) Math.min(panels, p0 + step), packed);
            } catch (Throwable e) {
                throw Natives.rethrow(e);
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
