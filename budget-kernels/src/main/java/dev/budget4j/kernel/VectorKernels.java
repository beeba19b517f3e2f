package dev.budget4j.kernel;

/**
 * Numeric kernels on {@code float32} data, one interface over several backends: plain Java
 * ({@code "java"}, always there), the Vector API ({@code "vector"}, module budget-vector) and
 * native code through the FFM API ({@code "native"}, module budget-native). Get one from
 * {@link Kernels}.
 *
 * <h2>Equivalence, not bit-identity</h2>
 * Backends add products in different orders (several accumulators, different vector widths,
 * fused multiply-add or not), so floating-point results are <em>not bit-identical</em> across
 * backends. Every backend stays within the classic error bound of a float sum of {@code n}
 * products, measured against the exact (double) result:
 * <pre>{@code |dot - exact| <= n * 2^-24 * sum(|a[i] * b[i]|) + n * Float.MIN_VALUE}</pre>
 * and the same form for {@code l2Squared} (with {@code (a[i] - b[i])^2}). {@code cosine} and
 * {@code pairwiseCosine} inherit that bound through their dot products and norms. The integer
 * result of {@link #topK} is equal across backends for the same scores; over scores computed by
 * different backends it may swap entries whose scores differ by less than the tolerance above.
 *
 * <h2>Arguments</h2>
 * Every backend checks its arguments in Java before any work (and before any native call):
 * null arrays throw {@link NullPointerException}, mismatched lengths and out-of-range sizes
 * throw {@link IllegalArgumentException}; messages name the parameter, the rule and the value.
 * Implementations are thread-safe and keep no state between calls.
 */
public interface VectorKernels {

    /**
     * The backend's name.
     *
     * @return {@code "java"}, {@code "vector"} or {@code "native"}
     */
    String name();

    /**
     * Dot product {@code sum(a[i] * b[i])}, accumulated in float.
     *
     * @param a first vector
     * @param b second vector, same length as {@code a}
     * @return the dot product; {@code 0} for empty vectors
     * @throws IllegalArgumentException when the lengths differ
     */
    float dot(float[] a, float[] b);

    /**
     * Cosine similarity {@code dot(a, b) / (|a| * |b|)}; the three sums are accumulated in float
     * and the division and square root are done in {@code double}.
     *
     * @param a first vector
     * @param b second vector, same length as {@code a}
     * @return a value in about {@code [-1, 1]}; {@code 0} when either vector is zero (or empty)
     * @throws IllegalArgumentException when the lengths differ
     */
    double cosine(float[] a, float[] b);

    /**
     * Squared Euclidean distance {@code sum((a[i] - b[i])^2)}.
     *
     * @param a first vector
     * @param b second vector, same length as {@code a}
     * @return the squared distance, {@code >= 0}
     * @throws IllegalArgumentException when the lengths differ
     */
    float l2Squared(float[] a, float[] b);

    /**
     * Scales {@code v} in place to unit Euclidean length. A zero vector stays zero; a vector
     * whose squared norm overflows float is scaled through a double norm.
     *
     * @param v the vector to scale
     */
    void normalize(float[] v);

    /**
     * Scores one query against every row: {@code out[i] = dot(query, rows.row(i))}.
     *
     * @param query the query, length {@code rows.cols()}
     * @param rows  the rows to score
     * @param out   receives one score per row, length {@code rows.rows()}
     * @throws IllegalArgumentException when a length does not match
     */
    void scoreAll(float[] query, FloatMatrix rows, float[] out);

    /**
     * All cosine similarities between the rows of {@code a} and the rows of {@code b}:
     * {@code result.get(i, j) = cosine(a.row(i), b.row(j))} (as float, {@code 0} where a row is
     * zero). Tiled for the caches, and run in parallel on the common fork-join pool when the
     * work ({@code a.rows() * b.rows() * cols} multiply-adds) is above a threshold checked by
     * benchmark ({@value dev.budget4j.kernel.spi.AbstractVectorKernels#DEFAULT_PARALLEL_MIN_WORK}
     * by default, property {@code budget4j.kernels.parallelMinWork}).
     *
     * @param a left rows
     * @param b right rows, same number of columns as {@code a}
     * @return a new {@code a.rows() x b.rows()} matrix
     * @throws IllegalArgumentException when the column counts differ
     */
    FloatMatrix pairwiseCosine(FloatMatrix a, FloatMatrix b);

    /**
     * As {@link #pairwiseCosine(FloatMatrix, FloatMatrix)}, into a matrix the caller owns, so that
     * repeated large calls do not allocate (10,000 x 10,000 is a 400 MB result).
     *
     * @param a left rows
     * @param b right rows, same number of columns as {@code a}
     * @param out receives the cosines; {@code a.rows() x b.rows()}; overwritten entirely
     * @throws IllegalArgumentException when the column counts differ or {@code out} has the wrong shape
     */
    void pairwiseCosine(FloatMatrix a, FloatMatrix b, FloatMatrix out);

    /**
     * The indices of the {@code k} highest scores, highest first; equal scores are ordered by
     * lower index first. Scores are ordered as by {@link Float#compare} (so NaN ranks above
     * every number). Uses a bounded heap: {@code O(n log k)} time, {@code O(k)} memory.
     *
     * @param scores the scores
     * @param k      how many indices to return, in {@code [1, scores.length]}
     * @return {@code k} distinct indices into {@code scores}
     * @throws IllegalArgumentException when {@code k <= 0} or {@code k > scores.length}
     */
    int[] topK(float[] scores, int k);

    /**
     * {@code log(sum(exp(values[i])))}, computed stably (shifted by the maximum, summed in
     * double) so large values do not overflow and very negative ones do not vanish.
     *
     * @param values the values
     * @return the log-sum-exp; {@link Double#NEGATIVE_INFINITY} for an empty array;
     * {@code +Infinity} if a value is {@code +Infinity}; NaN if a value is NaN
     */
    double logSumExp(float[] values);

    /**
     * Integer scores of int8 query codes against every row's codes:
     * {@code out[r] = sum(query[c] * rows.codes()[r * cols + c])}, exact in {@code int} (a
     * {@link QuantizedMatrix} has at most {@value QuantizedMatrix#MAX_COLS} columns, so the sum
     * cannot overflow). Integer sums are exact in any order, so <em>every backend returns the same
     * ints</em>. Reads {@code rows.rows() * rows.cols()} bytes: a quarter of {@link #scoreAll}'s.
     *
     * <p>The default runs on the plain-Java backend; backends built on
     * {@link dev.budget4j.kernel.spi.AbstractVectorKernels} run their own int8 kernel.
     *
     * @param query the query's codes, usually {@link QuantizedMatrix#quantize}'s; length {@code rows.cols()}
     * @param rows  the quantized rows
     * @param out   receives one score per row, length {@code rows.rows()}
     * @throws IllegalArgumentException when a length does not match
     */
    default void scoreAllInt8(byte[] query, QuantizedMatrix rows, int[] out) {
        Kernels.java().scoreAllInt8(query, rows, out);
    }

    /**
     * The {@code k} rows with the highest float dot product with {@code query}, found through the
     * int8 codes and re-ranked in float (as Lucene's scalar-quantized search re-scores with the raw
     * vectors):
     * <ol>
     *   <li>{@code query} is quantized against the rows' scales ({@link QuantizedMatrix#quantize})
     *       and every row scored with {@link #scoreAllInt8};</li>
     *   <li>the {@code m = min(rows, k * oversample)} best integer scores (ties to the lower row)
     *       are the candidates;</li>
     *   <li>each candidate is scored exactly, {@code dot(query, rows.floats().row(r))} with this
     *       backend's float dot product, and the {@code k} best are returned, highest first, equal
     *       scores by lower row.</li>
     * </ol>
     *
     * <h4>When it equals the float top k</h4>
     * Let {@code E} be the largest error of the int8 approximation over the rows (see
     * {@link QuantizedMatrix}) and {@code S(r)} a row's exact score. A row of the float top k is
     * returned whenever fewer than {@code m} other rows have {@code S > S(r) - 2E}: only those can
     * out-rank it in int8, so it is a candidate, and the re-ranking is the float search over the
     * candidates. When that holds for the k-th best row it holds for all, and the result is the
     * float top k (up to swaps among scores within float rounding of each other, as between
     * backends). Recall@k is therefore at least the fraction of the float top k for which it
     * holds; {@code QuantizedEquivalenceTest} checks that lower bound on every generated case and
     * a recall@10 of at least 0.99 on average over unit Gaussian rows with {@code oversample = 4}.
     *
     * <p>The default runs on the plain-Java backend.
     *
     * @param query      the float query, length {@code rows.cols()}, finite values
     * @param rows       the quantized rows; their {@link QuantizedMatrix#floats()} re-rank
     * @param k          how many rows to return, in {@code [1, rows.rows()]}
     * @param oversample candidates per returned row, {@code >= 1}; 1 re-ranks nothing beyond the int8 top k
     * @return {@code k} distinct row indices, best first
     * @throws IllegalArgumentException when a length does not match, {@code k} or
     *                                  {@code oversample} is out of range, or the query is not finite
     */
    default int[] topKInt8(float[] query, QuantizedMatrix rows, int k, int oversample) {
        return Kernels.java().topKInt8(query, rows, k, oversample);
    }
}
