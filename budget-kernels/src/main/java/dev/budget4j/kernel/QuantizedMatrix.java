package dev.budget4j.kernel;

import dev.budget4j.kernel.internal.Args;

import java.util.Arrays;

/**
 * A {@link FloatMatrix} scalar-quantized to {@code int8}, for scoring that reads a quarter of the
 * bytes: one signed code in {@code [-127, 127]} per element and one scale per column (dimension),
 * {@code x[r][c] ≈ scale(c) * code[r][c]}. The float rows are kept (by reference, not copied) so
 * that {@link VectorKernels#topKInt8} can re-rank its few best candidates exactly.
 *
 * <h2>How it quantizes</h2>
 * Each column's scale comes from a quantile of its absolute values, as Lucene's
 * {@code ScalarQuantizer} takes its range from a confidence interval: {@code scale(c) = q(c) / 127}
 * where {@code q(c)} is the {@code confidence} quantile of {@code |x[.][c]|} (the maximum for
 * confidence 1, the default). Values beyond {@code q(c)} are clipped to {@code ±127}; codes are
 * rounded to nearest. The codes are symmetric (no offset), so 127 × 127 products never saturate
 * the 16-bit pairs a SIMD backend multiplies in.
 *
 * <p>A query is quantized against the scales ({@link #quantize}): {@code q'[c] = query[c] * scale(c)}
 * is scaled by its own maximum to codes {@code d[c]} in {@code [-127, 127]} with one factor
 * {@code t}, so that {@code dot(query, x[r]) ≈ t * sum(d[c] * code[r][c])}. The sum is an integer,
 * computed exactly by every backend; {@code t} is the same for every row, so the integer alone
 * ranks the rows.
 *
 * <h2>Error</h2>
 * With confidence 1 (nothing clipped) every row's approximation is off by at most
 * <pre>{@code |dot(query, x[r]) - t * sum(d[c] * code[r][c])| <= 0.5 * sum(|query[c]| * scale(c)) + 0.5 * t * sum(|code[r][c]|)}</pre>
 * (the row's rounding, then the query's), plus float rounding of {@code q'}. For unit vectors of
 * 384 dimensions that is a few hundredths at worst and about {@code 5e-4} typically;
 * {@link VectorKernels#topKInt8} says when it still finds the exact top k.
 *
 * <p>Immutable once built, except through the float rows it shares: change the {@link FloatMatrix}
 * afterwards and the codes no longer describe it. Safe to share between threads.
 */
public final class QuantizedMatrix {

    /** The largest code magnitude: codes are in {@code [-127, 127]}. */
    public static final int MAX_CODE = 127;

    /**
     * The most columns a quantized matrix may have, so that an integer score (at most
     * {@code cols * 128 * 128} in magnitude) cannot overflow an {@code int}: 131,071.
     */
    public static final int MAX_COLS = Integer.MAX_VALUE / (128 * 128);

    private final FloatMatrix floats;
    private final byte[] codes;
    private final float[] scales;
    private final double confidence;

    private QuantizedMatrix(FloatMatrix floats, byte[] codes, float[] scales, double confidence) {
        this.floats = floats;
        this.codes = codes;
        this.scales = scales;
        this.confidence = confidence;
    }

    /**
     * Quantizes every row with one scale per column from the column's largest absolute value
     * (confidence 1: nothing is clipped, and the error bound above holds).
     *
     * @param rows the float rows, finite values only, at most {@value #MAX_COLS} columns; kept by
     *             reference for re-ranking
     * @return the quantized matrix
     * @throws NullPointerException     when {@code rows} is null
     * @throws IllegalArgumentException when a value is NaN or infinite, or there are too many columns
     */
    public static QuantizedMatrix of(FloatMatrix rows) {
        return of(rows, 1.0);
    }

    /**
     * Quantizes every row with one scale per column from a quantile of the column's absolute
     * values; values above it are clipped. A confidence below 1 spends the 127 steps on the bulk
     * of a column instead of on an outlier, at the price of clipping that outlier.
     *
     * @param rows       the float rows, finite values only, at most {@value #MAX_COLS} columns;
     *                   kept by reference for re-ranking
     * @param confidence the quantile of {@code |x|} per column that maps to code 127, in
     *                   {@code [0.5, 1]}; 1 means the maximum
     * @return the quantized matrix
     * @throws NullPointerException     when {@code rows} is null
     * @throws IllegalArgumentException when {@code confidence} is out of range, a value is NaN or
     *                                  infinite, or there are too many columns
     */
    public static QuantizedMatrix of(FloatMatrix rows, double confidence) {
        Args.notNull(rows, "rows");
        Args.that(confidence >= 0.5 && confidence <= 1.0, "confidence", "must be in [0.5, 1]", confidence);
        int r = rows.rows();
        int c = rows.cols();
        Args.that(c <= MAX_COLS, "rows.cols()", "must be <= " + MAX_COLS + " (so that int8 scores fit an int)", c);
        float[] data = rows.data();
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                Args.that(false, "rows.get(" + (i / c) + ", " + (i % c) + ")", "must be finite", data[i]);
            }
        }
        float[] range = confidence == 1.0 ? columnMaxAbs(data, r, c) : columnQuantileAbs(data, r, c, confidence);
        float[] scales = new float[c];
        double[] inverse = new double[c]; // double: 127 / a subnormal range overflows float
        for (int j = 0; j < c; j++) {
            scales[j] = range[j] / MAX_CODE;
            inverse[j] = range[j] == 0f ? 0 : MAX_CODE / (double) range[j];
        }
        byte[] codes = new byte[data.length];
        for (int i = 0; i < r; i++) {
            int o = i * c;
            for (int j = 0; j < c; j++) {
                codes[o + j] = code(data[o + j] * inverse[j]);
            }
        }
        return new QuantizedMatrix(rows, codes, scales, confidence);
    }

    /** Rounds to nearest (halves up, as {@link Math#round(double)}) and clips to {@code [-127, 127]}. */
    private static byte code(double scaled) {
        long q = Math.round(scaled);
        return (byte) Math.max(-MAX_CODE, Math.min(MAX_CODE, q));
    }

    private static float[] columnMaxAbs(float[] data, int rows, int cols) {
        float[] max = new float[cols];
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                max[j] = Math.max(max[j], Math.abs(data[o + j]));
            }
        }
        return max;
    }

    private static float[] columnQuantileAbs(float[] data, int rows, int cols, double confidence) {
        float[] q = new float[cols];
        if (rows == 0) {
            return q;
        }
        int rank = (int) Math.min(rows - 1, Math.max(0, Math.ceil(confidence * rows) - 1));
        float[] column = new float[rows];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                column[i] = Math.abs(data[i * cols + j]);
            }
            Arrays.sort(column);
            q[j] = column[rank];
        }
        return q;
    }

    /**
     * A query quantized against a matrix's scales.
     *
     * @param codes one code per column, in {@code [-127, 127]}; the array is the caller's
     * @param scale the factor {@code t}: {@code dot(query, row r) ≈ scale * sum(codes[c] * code[r][c])};
     *              {@code 0} for a query that is zero on every column with a non-zero scale
     */
    public record Query(byte[] codes, float scale) {
        /**
         * Checks the parts.
         *
         * @param codes see the record description, not null
         * @param scale see the record description, finite and {@code >= 0}
         */
        public Query {
            Args.notNull(codes, "codes");
            Args.that(scale >= 0f && Float.isFinite(scale), "scale", "must be finite and >= 0", scale);
        }
    }

    /**
     * Quantizes a query against this matrix's column scales (see the class description).
     *
     * @param query the float query, {@link #cols()} finite values
     * @return its codes and factor
     * @throws NullPointerException     when {@code query} is null
     * @throws IllegalArgumentException when the length differs from {@link #cols()} or a value is
     *                                  NaN or infinite
     */
    public Query quantize(float[] query) {
        Args.notNull(query, "query");
        int c = cols();
        if (query.length != c) {
            Args.that(false, "query.length", "must equal cols() (" + c + ")", query.length);
        }
        float[] weighted = new float[c];
        float max = 0f;
        for (int j = 0; j < c; j++) {
            if (!Float.isFinite(query[j])) {
                Args.that(false, "query[" + j + "]", "must be finite", query[j]);
            }
            weighted[j] = query[j] * scales[j];
            max = Math.max(max, Math.abs(weighted[j]));
        }
        byte[] codes = new byte[c];
        if (max == 0f || !Float.isFinite(max)) {
            return new Query(codes, 0f);
        }
        double inverse = MAX_CODE / (double) max;
        for (int j = 0; j < c; j++) {
            codes[j] = code(weighted[j] * inverse);
        }
        return new Query(codes, max / MAX_CODE);
    }

    /**
     * Number of rows.
     *
     * @return rows, {@code >= 0}
     */
    public int rows() {
        return floats.rows();
    }

    /**
     * Number of columns (the length of each row).
     *
     * @return columns, in {@code [0, MAX_COLS]}
     */
    public int cols() {
        return floats.cols();
    }

    /**
     * The row-major codes themselves, not a copy, for the kernel backends: element {@code (r, c)}
     * at {@code r * cols() + c}. Do not write to it.
     *
     * @return the codes, length {@code rows() * cols()}, each in {@code [-127, 127]}
     */
    public byte[] codes() {
        return codes;
    }

    /**
     * One column's scale: a code of 1 in that column stands for this much.
     *
     * @param col column index, in {@code [0, cols())}
     * @return the scale, {@code >= 0} ({@code 0} for a column that is all zero)
     * @throws IllegalArgumentException when {@code col} is out of range
     */
    public float scale(int col) {
        Args.that(col >= 0 && col < scales.length, "col", "must be in [0, " + scales.length + ")", col);
        return scales[col];
    }

    /**
     * Every column's scale.
     *
     * @return a new array of length {@link #cols()}
     */
    public float[] scales() {
        return scales.clone();
    }

    /**
     * The quantile of each column's absolute values that maps to code 127.
     *
     * @return the confidence, in {@code [0.5, 1]}
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The float rows this matrix was built from (shared, not a copy), which
     * {@link VectorKernels#topKInt8} re-ranks candidates with.
     *
     * @return the float rows
     */
    public FloatMatrix floats() {
        return floats;
    }

    /**
     * Bytes the codes take: what a full int8 scan reads, against {@code 4 * rows() * cols()} for floats.
     *
     * @return {@code rows() * cols()}, in bytes
     */
    public long codeBytes() {
        return codes.length;
    }

    @Override
    public String toString() {
        return "QuantizedMatrix[" + rows() + " x " + cols() + ", int8, confidence " + confidence + "]";
    }
}
