package dev.budget4j.kernel.spi;

import dev.budget4j.kernel.FloatMatrix;
import dev.budget4j.kernel.QuantizedMatrix;
import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.kernel.internal.Args;
import dev.budget4j.kernel.internal.Blocks;
import dev.budget4j.kernel.internal.Int8Loops;
import dev.budget4j.kernel.internal.IntTopK;
import dev.budget4j.kernel.internal.LogSumExp;
import dev.budget4j.kernel.internal.PlainLoops;
import dev.budget4j.kernel.internal.TopK;

import java.util.Arrays;

/**
 * Skeleton for a {@link VectorKernels} backend. Every public method is final: it checks its
 * arguments in Java (so no backend, native ones included, ever sees a bad length, a null or a
 * bad {@code k}) and then calls the unchecked hooks a backend implements. {@link #topK} and
 * {@link #logSumExp} are shared by all backends, so their results are equal by construction.
 *
 * <p>A backend implements {@link #dot(float[], int, float[], int, int)} and
 * {@link #l2Squared(float[], int, float[], int, int)}, and may override the batched hooks
 * ({@link #scoreAllUnchecked}, {@link #pairwiseUnchecked}, {@link #cosineUnchecked}) where it
 * has something faster than the defaults, which are built on {@code dot}; likewise the int8 hook
 * {@link #scoreAllInt8Unchecked}, whose default is the plain-Java loop. The hooks are the
 * whole contract: the loops and the work splitting the built-in backends share are internal to
 * budget-kernels and may change in any release.
 */
public abstract class AbstractVectorKernels implements VectorKernels {

    /**
     * Pairwise work, in multiply-adds ({@code a.rows() * b.rows() * cols}), from which
     * {@link #pairwiseCosine} splits the work over the common fork-join pool: 2^22, about
     * 0.1 ms of single-threaded work at 40 GFLOP/s, so small calls never wake the pool. Checked with
     * JMH ({@code PairwiseThresholdBenchmark}, 2 cores): forcing parallel or sequential made no
     * measurable difference from 32 to 128 rows x 768, because the built-in backends split work
     * into 128-row blocks and such calls are one block anyway. Override with
     * {@code -Dbudget4j.kernels.parallelMinWork=<multiply-adds>}.
     */
    public static final long DEFAULT_PARALLEL_MIN_WORK = 1L << 22;

    private final String name;

    /**
     * Starts a backend.
     *
     * @param name the backend's name, not blank
     */
    protected AbstractVectorKernels(String name) {
        this.name = Args.name(name, "name");
    }

    @Override
    public final String name() {
        return name;
    }

    // ---------------------------------------------------------------- the hooks

    /**
     * Unchecked dot product of {@code length} elements starting at the given offsets; the caller
     * guarantees the ranges are inside the arrays.
     *
     * @param a       first array
     * @param aOffset first index in {@code a}
     * @param b       second array
     * @param bOffset first index in {@code b}
     * @param length  number of elements, {@code >= 0}
     * @return {@code sum(a[aOffset + i] * b[bOffset + i])}
     */
    protected abstract float dot(float[] a, int aOffset, float[] b, int bOffset, int length);

    /**
     * Unchecked squared distance of {@code length} elements starting at the given offsets.
     *
     * @param a       first array
     * @param aOffset first index in {@code a}
     * @param b       second array
     * @param bOffset first index in {@code b}
     * @param length  number of elements, {@code >= 0}
     * @return {@code sum((a[aOffset + i] - b[bOffset + i])^2)}
     */
    protected abstract float l2Squared(float[] a, int aOffset, float[] b, int bOffset, int length);

    /**
     * Unchecked cosine of two vectors of equal length. The default takes three dot products and
     * divides in double: {@code ab / sqrt(aa * bb)}.
     *
     * @param a first vector
     * @param b second vector, same length
     * @return the cosine, {@code 0} when either vector is zero
     */
    protected double cosineUnchecked(float[] a, float[] b) {
        int n = a.length;
        return PlainLoops.finishCosine(dot(a, 0, b, 0, n), dot(a, 0, a, 0, n), dot(b, 0, b, 0, n));
    }

    /**
     * Unchecked scoring: {@code out[r] = dot(query, data[r * cols ..])} for every row.
     *
     * @param query query of length {@code cols}
     * @param data  row-major rows, length {@code rows * cols}
     * @param rows  number of rows
     * @param cols  row length
     * @param out   output, length {@code rows}
     */
    protected void scoreAllUnchecked(float[] query, float[] data, int rows, int cols, float[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = dot(query, 0, data, r * cols, cols);
        }
    }

    /**
     * Unchecked pairwise kernel: writes {@code out[i * b.rows() + j] = dot(a_i, b_j) * invA[i] *
     * invB[j]}. The default tiles the work (64 left rows by 256 right rows, so a tile of the right
     * matrix stays in the L2 cache) and splits the left rows over the common pool when
     * {@code parallel}.
     *
     * @param a        left rows ({@code rows >= 1}, {@code cols >= 1})
     * @param invNormA inverse L2 norm of each left row ({@code 0} for a zero row)
     * @param b        right rows ({@code rows >= 1}), same {@code cols}
     * @param invNormB inverse L2 norm of each right row ({@code 0} for a zero row)
     * @param out      row-major output of {@code a.rows() * b.rows()} floats
     * @param parallel whether to use the common fork-join pool
     */
    protected void pairwiseUnchecked(FloatMatrix a, float[] invNormA, FloatMatrix b, float[] invNormB,
                                     float[] out, boolean parallel) {
        final int tileA = 64;
        final int tileB = 256;
        int m = a.rows();
        int n = b.rows();
        int d = a.cols();
        float[] ad = a.data();
        float[] bd = b.data();
        Blocks.forEach(m, tileA, parallel, i0 -> {
            int i1 = Math.min(m, i0 + tileA);
            for (int j0 = 0; j0 < n; j0 += tileB) {
                int j1 = Math.min(n, j0 + tileB);
                for (int i = i0; i < i1; i++) {
                    float ia = invNormA[i];
                    int row = i * n;
                    for (int j = j0; j < j1; j++) {
                        out[row + j] = dot(ad, i * d, bd, j * d, d) * ia * invNormB[j];
                    }
                }
            }
        });
    }

    /**
     * The inverse L2 norm of each row, from this backend's {@code dot}, finished in double.
     *
     * @param m the rows
     * @return {@code 1 / |row|} per row as float; {@code 0} for a zero row
     */
    private float[] inverseNorms(FloatMatrix m) {
        int rows = m.rows();
        int cols = m.cols();
        float[] data = m.data();
        float[] inv = new float[rows];
        for (int r = 0; r < rows; r++) {
            float sq = dot(data, r * cols, data, r * cols, cols);
            inv[r] = sq == 0f ? 0f : (float) (1d / Math.sqrt(sq));
        }
        return inv;
    }

    // ---------------------------------------------------------------- the checked API

    @Override
    public final float dot(float[] a, float[] b) {
        sameLength(a, b);
        return dot(a, 0, b, 0, a.length);
    }

    @Override
    public final double cosine(float[] a, float[] b) {
        sameLength(a, b);
        return cosineUnchecked(a, b);
    }

    @Override
    public final float l2Squared(float[] a, float[] b) {
        sameLength(a, b);
        return l2Squared(a, 0, b, 0, a.length);
    }

    @Override
    public final void normalize(float[] v) {
        Args.notNull(v, "v");
        float sq = dot(v, 0, v, 0, v.length);
        if (sq >= Float.MIN_NORMAL && sq < Float.POSITIVE_INFINITY) {
            float inv = (float) (1d / Math.sqrt(sq));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
            return;
        }
        // The float sum of squares underflowed or overflowed (or is NaN): redo it in double.
        double dsq = 0;
        for (float x : v) {
            dsq += (double) x * x;
        }
        if (dsq == 0d) {
            return;
        }
        double inv = 1d / Math.sqrt(dsq);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] * inv);
        }
    }

    @Override
    public final void scoreAll(float[] query, FloatMatrix rows, float[] out) {
        Args.notNull(query, "query");
        Args.notNull(rows, "rows");
        Args.notNull(out, "out");
        if (query.length != rows.cols()) {
            Args.that(false, "query.length", "must equal rows.cols() (" + rows.cols() + ")", query.length);
        }
        if (out.length != rows.rows()) {
            Args.that(false, "out.length", "must equal rows.rows() (" + rows.rows() + ")", out.length);
        }
        scoreAllUnchecked(query, rows.data(), rows.rows(), rows.cols(), out);
    }

    @Override
    public final FloatMatrix pairwiseCosine(FloatMatrix a, FloatMatrix b) {
        checkPairwise(a, b);
        FloatMatrix out = new FloatMatrix(a.rows(), b.rows());
        pairwiseChecked(a, b, out);
        return out;
    }

    @Override
    public final void pairwiseCosine(FloatMatrix a, FloatMatrix b, FloatMatrix out) {
        checkPairwise(a, b);
        Args.notNull(out, "out");
        if (out.rows() != a.rows() || out.cols() != b.rows()) {
            Args.that(false, "out", "must be " + a.rows() + " x " + b.rows() + " (a.rows() x b.rows())",
                    out.rows() + " x " + out.cols());
        }
        pairwiseChecked(a, b, out);
    }

    private static void checkPairwise(FloatMatrix a, FloatMatrix b) {
        Args.notNull(a, "a");
        Args.notNull(b, "b");
        Args.that(a.cols() == b.cols(), "b.cols()", "must equal a.cols() (" + a.cols() + ")", b.cols());
        Args.that((long) a.rows() * b.rows() <= Integer.MAX_VALUE, "a.rows() * b.rows()",
                "must be <= " + Integer.MAX_VALUE, (long) a.rows() * b.rows());
    }

    private void pairwiseChecked(FloatMatrix a, FloatMatrix b, FloatMatrix out) {
        if (a.rows() == 0 || b.rows() == 0) {
            return;
        }
        if (a.cols() == 0) {
            Arrays.fill(out.data(), 0f);
            return;
        }
        boolean parallel = Blocks.worthParallel((long) a.rows() * b.rows() * a.cols());
        pairwiseUnchecked(a, inverseNorms(a), b, inverseNorms(b), out.data(), parallel);
    }

    @Override
    public final int[] topK(float[] scores, int k) {
        Args.notNull(scores, "scores");
        if (k < 1 || k > scores.length) {
            Args.that(false, "k", "must be in [1, scores.length = " + scores.length + "]", k);
        }
        return TopK.select(scores, k);
    }

    @Override
    public final double logSumExp(float[] values) {
        Args.notNull(values, "values");
        return LogSumExp.of(values);
    }

    // Checks test first and build a message only on failure: these run on every kernel call, and
    // a message built eagerly (string concatenation, boxing) cost more than a short dot product.
    private static void sameLength(float[] a, float[] b) {
        Args.notNull(a, "a");
        Args.notNull(b, "b");
        if (a.length != b.length) {
            Args.that(false, "b.length", "must equal a.length (" + a.length + ")", b.length);
        }
    }

    // ---------------------------------------------------------------- int8

    /**
     * Unchecked int8 scoring: {@code out[r] = sum(query[c] * codes[r * cols + c])} in {@code int}
     * for every row. The default runs the plain-Java loop over blocks of 1024 rows, split over the
     * common pool when the work ({@code rows * cols}) is above the parallel threshold.
     *
     * @param query query codes, length {@code cols}
     * @param codes row-major codes, length {@code rows * cols}
     * @param rows  number of rows
     * @param cols  row length, at most {@link QuantizedMatrix#MAX_COLS}
     * @param out   output, length {@code rows}
     */
    protected void scoreAllInt8Unchecked(byte[] query, byte[] codes, int rows, int cols, int[] out) {
        final int block = 1024;
        Blocks.forEach(rows, block, Blocks.worthParallel((long) rows * cols),
                r0 -> Int8Loops.scoreRows(query, codes, r0, Math.min(rows, r0 + block), cols, out));
    }

    @Override
    public final void scoreAllInt8(byte[] query, QuantizedMatrix rows, int[] out) {
        Args.notNull(query, "query");
        Args.notNull(rows, "rows");
        Args.notNull(out, "out");
        if (query.length != rows.cols()) {
            Args.that(false, "query.length", "must equal rows.cols() (" + rows.cols() + ")", query.length);
        }
        if (out.length != rows.rows()) {
            Args.that(false, "out.length", "must equal rows.rows() (" + rows.rows() + ")", out.length);
        }
        scoreAllInt8Unchecked(query, rows.codes(), rows.rows(), rows.cols(), out);
    }

    @Override
    public final int[] topKInt8(float[] query, QuantizedMatrix rows, int k, int oversample) {
        Args.notNull(query, "query");
        Args.notNull(rows, "rows");
        int n = rows.rows();
        if (k < 1 || k > n) {
            Args.that(false, "k", "must be in [1, rows.rows() = " + n + "]", k);
        }
        Args.atLeast(oversample, 1, "oversample");
        QuantizedMatrix.Query q = rows.quantize(query); // checks the length and that every value is finite
        int cols = rows.cols();
        int[] approx = new int[n];
        scoreAllInt8Unchecked(q.codes(), rows.codes(), n, cols, approx);
        int[] candidates = IntTopK.select(approx, (int) Math.min(n, (long) k * oversample));
        // In row order, so that equal float scores go to the lower row, as in topK.
        Arrays.sort(candidates);
        float[] data = rows.floats().data();
        float[] exact = new float[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            exact[i] = dot(query, 0, data, candidates[i] * cols, cols);
        }
        int[] best = TopK.select(exact, k);
        for (int i = 0; i < k; i++) {
            best[i] = candidates[best[i]];
        }
        return best;
    }

    @Override
    public String toString() {
        return "VectorKernels[" + name + "]";
    }
}
