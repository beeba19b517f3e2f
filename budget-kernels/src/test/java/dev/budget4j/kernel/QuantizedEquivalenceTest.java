package dev.budget4j.kernel;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The int8 kernels on every backend on the path (like {@link KernelEquivalenceTest}, which
 * budget-vector and budget-native run from this module's test-jar along with this class):
 * <ul>
 *   <li>integer scores are exact, so every backend must return exactly the reference ints;</li>
 *   <li>{@code topKInt8} must find every row of the float top k that the error analysis in its
 *       javadoc guarantees, on every generated case;</li>
 *   <li>its recall@10 against the exact float top 10, averaged over seeded unit-vector cases, must
 *       be at least {@value #RECALL_BOUND} with {@code oversample = }{@value #OVERSAMPLE}.</li>
 * </ul>
 */
class QuantizedEquivalenceTest {

    /** The stated recall@10 bound for {@link #OVERSAMPLE} on the generated unit vectors. */
    static final double RECALL_BOUND = 0.99;
    /** Candidates per returned row in the recall check. */
    static final int OVERSAMPLE = 4;

    static Stream<Arguments> backendSizeInputs() {
        List<Arguments> args = new ArrayList<>();
        for (VectorKernels k : KernelEquivalenceTest.backends()) {
            for (int n : KernelEquivalenceTest.SIZES) {
                for (Inputs in : Inputs.values()) {
                    args.add(Arguments.of(k, n, in));
                }
            }
        }
        return args.stream();
    }

    static Stream<VectorKernels> allBackends() {
        return KernelEquivalenceTest.backends().stream();
    }

    /** The exact integer dot product, in long so that the reference itself cannot overflow. */
    static long referenceDot(byte[] a, int ao, byte[] b, int bo, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += (long) a[ao + i] * b[bo + i];
        }
        return s;
    }

    static byte[] randomBytes(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(-128, 128);
        }
        return b;
    }

    // ------------------------------------------------------------ quantization

    @ParameterizedTest(name = "n={0} {1}")
    @MethodSource("sizesAndInputs")
    void everyElementIsWithinHalfAStepOfItsCode(int n, Inputs in) {
        int rows = 23;
        FloatMatrix m = FloatMatrix.of(in.vector(rows * n, 20), rows, n);
        QuantizedMatrix q = QuantizedMatrix.of(m);
        assertEquals(rows * (long) n, q.codeBytes());
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < n; c++) {
                byte code = q.codes()[r * n + c];
                assertTrue(code >= -127 && code <= 127, "code " + code);
                double x = m.get(r, c);
                double s = q.scale(c);
                // Half a step, plus the float rounding of x * (127 / max) before rounding to a code.
                double slack = s / 2 + Math.abs(x) * 4 * Tolerance.U + Float.MIN_VALUE;
                if (!(Math.abs(x - s * code) <= slack)) {
                    fail("(" + r + ", " + c + "): " + x + " vs " + s + " * " + code + ", off by "
                            + Math.abs(x - s * code) + " > " + slack);
                }
            }
        }
    }

    static Stream<Arguments> sizesAndInputs() {
        List<Arguments> args = new ArrayList<>();
        for (int n : new int[] {1, 7, 64, 384, 1025}) {
            for (Inputs in : Inputs.values()) {
                args.add(Arguments.of(n, in));
            }
        }
        return args.stream();
    }

    @Test
    void aLowerConfidenceClipsTheOutlierAndRefinesTheRest() {
        // One column: 99 values in [-1, 1] and one outlier at 100.
        float[] v = new float[100];
        for (int i = 0; i < 99; i++) {
            v[i] = (i - 49) / 49f;
        }
        v[99] = 100f;
        FloatMatrix m = FloatMatrix.of(v, 100, 1);
        QuantizedMatrix max = QuantizedMatrix.of(m);
        QuantizedMatrix clipped = QuantizedMatrix.of(m, 0.99);
        assertEquals(100f / 127, max.scale(0), 1e-6);
        assertEquals(1f / 127, clipped.scale(0), 1e-6);
        assertEquals(127, clipped.codes()[99], "the outlier is clipped to the top code");
        assertEquals(127, max.codes()[99]);
        assertEquals(1, max.codes()[98], "at confidence 1 the bulk gets one step");
        assertEquals(127, clipped.codes()[98], "at 0.99 the bulk gets all 127");
        assertEquals(0.99, clipped.confidence());
    }

    @Test
    void aQueryIsQuantizedAgainstTheColumnScales() {
        FloatMatrix m = FloatMatrix.of(new float[] {1, 10, -0.25f, -2.5f}, 2, 2);
        QuantizedMatrix q = QuantizedMatrix.of(m);
        assertArrayEquals(new float[] {1f / 127, 10f / 127}, q.scales());
        assertArrayEquals(new byte[] {127, 127, -32, -32}, q.codes());
        QuantizedMatrix.Query query = q.quantize(new float[] {2, 0.05f});
        // q' = (2 / 127, 0.5 / 127): the first column sets the factor, the second gets 127 / 4.
        assertArrayEquals(new byte[] {127, 32}, query.codes());
        assertEquals(2f / 127 / 127, query.scale(), 1e-9);
        QuantizedMatrix.Query zero = q.quantize(new float[2]);
        assertArrayEquals(new byte[2], zero.codes());
        assertEquals(0f, zero.scale());
    }

    @Test
    void badInputIsRejectedWithItsNameRuleAndValue() {
        FloatMatrix m = FloatMatrix.of(new float[] {1, 2, Float.NaN, 4}, 2, 2);
        assertEquals("rows.get(1, 0) must be finite, but was NaN",
                assertThrows(IllegalArgumentException.class, () -> QuantizedMatrix.of(m)).getMessage());
        FloatMatrix ok = FloatMatrix.of(new float[] {1, 2, 3, 4}, 2, 2);
        assertEquals("confidence must be in [0.5, 1], but was 0.4",
                assertThrows(IllegalArgumentException.class, () -> QuantizedMatrix.of(ok, 0.4)).getMessage());
        assertEquals("rows.cols() must be <= 131071 (so that int8 scores fit an int), but was 131072",
                assertThrows(IllegalArgumentException.class,
                        () -> QuantizedMatrix.of(new FloatMatrix(1, 131_072))).getMessage());
        QuantizedMatrix q = QuantizedMatrix.of(ok);
        assertEquals("query.length must equal cols() (2), but was 3",
                assertThrows(IllegalArgumentException.class, () -> q.quantize(new float[3])).getMessage());
        assertEquals("query[1] must be finite, but was Infinity", assertThrows(IllegalArgumentException.class,
                () -> q.quantize(new float[] {0, Float.POSITIVE_INFINITY})).getMessage());
        assertEquals("col must be in [0, 2), but was 2",
                assertThrows(IllegalArgumentException.class, () -> q.scale(2)).getMessage());
        assertThrows(NullPointerException.class, () -> QuantizedMatrix.of(null));
    }

    // ------------------------------------------------------------ integer scores: exact on every backend

    @ParameterizedTest(name = "{0} n={1} {2}")
    @MethodSource("backendSizeInputs")
    void int8ScoresAreExact(VectorKernels k, int n, Inputs in) {
        // 37 rows: the four-row blocks of the SIMD backends and their remainder both run.
        int rows = 37;
        QuantizedMatrix m = QuantizedMatrix.of(FloatMatrix.of(in.vector(rows * n, 21), rows, n));
        for (byte[] query : List.of(m.quantize(in.vector(n, 22)).codes(), randomBytes(n, n))) {
            int[] out = new int[rows];
            Arrays.fill(out, 12345);
            k.scoreAllInt8(query, m, out);
            for (int r = 0; r < rows; r++) {
                assertEquals(referenceDot(query, 0, m.codes(), r * n, n), out[r], k.name() + " row " + r);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allBackends")
    void theExtremeCodesAddUpWithoutOverflow(VectorKernels k) {
        // The largest magnitudes: a query of -128 against rows of -127 and 127, 131,071 columns.
        int n = QuantizedMatrix.MAX_COLS;
        float[] data = new float[3 * n];
        for (int i = 0; i < n; i++) {
            data[i] = -1;
            data[n + i] = 1;
            data[2 * n + i] = (i % 2 == 0) ? 1 : -1;
        }
        QuantizedMatrix m = QuantizedMatrix.of(FloatMatrix.of(data, 3, n));
        byte[] query = new byte[n];
        Arrays.fill(query, (byte) -128);
        int[] out = new int[3];
        k.scoreAllInt8(query, m, out);
        assertArrayEquals(new int[] {128 * 127 * n, -128 * 127 * n, -128 * 127}, out, k.name());
    }

    /** Random shapes and codes: every backend returns exactly the reference ints. */
    @Property(tries = 60)
    void backendsAgreeExactlyOnRandomShapes(@ForAll("backend") VectorKernels k,
                                            @ForAll @IntRange(min = 0, max = 300) int cols,
                                            @ForAll @IntRange(min = 0, max = 70) int rows,
                                            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        QuantizedMatrix m = QuantizedMatrix.of(FloatMatrix.of(Inputs.GAUSSIAN.vector(rows * cols, seed), rows, cols));
        byte[] query = randomBytes(cols, seed);
        int[] out = new int[rows];
        k.scoreAllInt8(query, m, out);
        int[] plain = new int[rows];
        Kernels.java().scoreAllInt8(query, m, plain);
        assertArrayEquals(plain, out, k.name() + " against java");
        for (int r = 0; r < rows; r++) {
            assertEquals(referenceDot(query, 0, m.codes(), r * cols, cols), out[r]);
        }
    }

    @Provide
    Arbitrary<VectorKernels> backend() {
        return Arbitraries.of(KernelEquivalenceTest.backends());
    }

    @Test
    void aLargeMatrixIsScoredInParallelBlocksExactly() {
        // rows * cols above the parallel threshold (2^22 by default): the blocks must not overlap or miss.
        int rows = 11_000;
        int n = 384;
        QuantizedMatrix m = QuantizedMatrix.of(FloatMatrix.of(Inputs.UNIFORM.vector(rows * n, 23), rows, n));
        byte[] query = randomBytes(n, 24);
        long[] reference = new long[rows];
        for (int r = 0; r < rows; r++) {
            reference[r] = referenceDot(query, 0, m.codes(), r * n, n);
        }
        for (VectorKernels k : KernelEquivalenceTest.backends()) {
            int[] out = new int[rows];
            k.scoreAllInt8(query, m, out);
            for (int r = 0; r < rows; r++) {
                if (out[r] != reference[r]) {
                    fail(k.name() + " row " + r + ": " + out[r] + " != " + reference[r]);
                }
            }
        }
    }

    // ------------------------------------------------------------ top k: the guarantee and the recall bound

    /** Unit rows: isotropic Gaussian, or anisotropic with a shared direction as sentence embeddings have. */
    enum UnitRows {
        GAUSSIAN, ANISOTROPIC;

        FloatMatrix rows(int rows, int n, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            float[] std = new float[n];
            float[] mean = new float[n];
            for (int c = 0; c < n; c++) {
                std[c] = this == GAUSSIAN ? 1f : (float) Math.exp(gaussian(r));
                mean[c] = this == GAUSSIAN ? 0f : (float) (0.7 * gaussian(r));
            }
            float[] data = new float[rows * n];
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < n; c++) {
                    data[i * n + c] = mean[c] + std[c] * (float) gaussian(r);
                }
                normalize(data, i * n, n);
            }
            return FloatMatrix.of(data, rows, n);
        }

        /** A query near a random row, as questions sit near the text they ask about. */
        float[] query(FloatMatrix rows, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int n = rows.cols();
            float[] q = rows.row(r.nextInt(rows.rows()));
            for (int c = 0; c < n; c++) {
                q[c] += (float) (gaussian(r) / Math.sqrt(n));
            }
            normalize(q, 0, n);
            return q;
        }
    }

    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static void normalize(float[] v, int o, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) v[o + i] * v[o + i];
        }
        double inv = s == 0 ? 0 : 1 / Math.sqrt(s);
        for (int i = 0; i < n; i++) {
            v[o + i] = (float) (v[o + i] * inv);
        }
    }

    /** What one top-k case showed. */
    record Case(double recall, int guaranteed, int k) {
    }

    /**
     * Runs {@code topKInt8} and checks it against the exact (double) scores: every row the error
     * analysis guarantees must be returned, unless it ties the k-th score within float rounding.
     * Returns the recall@k, counting as a hit any returned row that ties the k-th exact score within
     * float rounding (the float search itself may return either of two such rows).
     */
    static Case check(VectorKernels kernels, FloatMatrix floats, QuantizedMatrix q, float[] query, int k, int oversample) {
        int rows = floats.rows();
        int n = floats.cols();
        int[] got = kernels.topKInt8(query, q, k, oversample);
        assertEquals(k, got.length);
        assertEquals(k, Arrays.stream(got).distinct().count(), "distinct rows");

        double[] exact = new double[rows];
        double rounding = 0;
        for (int r = 0; r < rows; r++) {
            double[] e = Tolerance.dot(query, 0, floats.data(), r * n, n);
            exact[r] = e[0];
            rounding = Math.max(rounding, 2 * e[1]);
        }
        QuantizedMatrix.Query qq = q.quantize(query);
        double error = 0;
        for (int r = 0; r < rows; r++) {
            double approx = (double) qq.scale() * referenceDot(qq.codes(), 0, q.codes(), r * n, n);
            error = Math.max(error, Math.abs(approx - exact[r]));
        }
        Integer[] order = new Integer[rows];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(exact[y], exact[x]));
        double kth = exact[order[k - 1]];
        int m = Math.min(rows, k * oversample);
        double[] sorted = Arrays.stream(exact).sorted().toArray();

        int guaranteed = 0;
        for (int p = 0; p < k; p++) {
            int r = order[p];
            // Rows that could out-rank r in int8: those within 2E below it, or above it.
            int threat = rows - lowerBound(sorted, exact[r] - 2 * error) - 1;
            if (threat < m) {
                guaranteed++;
                boolean returned = Arrays.stream(got).anyMatch(x -> x == r);
                if (!returned && exact[r] > kth + rounding) {
                    fail(kernels.name() + ": row " + r + " (exact rank " + p + ", score " + exact[r]
                            + ") is guaranteed by the error analysis (E = " + error + ", " + threat
                            + " rows within 2E, m = " + m + ") but was not returned: " + Arrays.toString(got));
                }
            }
        }
        int hits = 0;
        for (int r : got) {
            if (exact[r] >= kth - rounding) {
                hits++;
            }
        }
        double recall = hits / (double) k;
        assertTrue(hits >= guaranteed - countTies(exact, kth, rounding),
                kernels.name() + ": recall " + recall + " below the guaranteed " + guaranteed + "/" + k);
        return new Case(recall, guaranteed, k);
    }

    /** First index in an ascending array whose value is >= x. */
    static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int countTies(double[] exact, double kth, double rounding) {
        int ties = 0;
        for (double e : exact) {
            if (Math.abs(e - kth) <= rounding) {
                ties++;
            }
        }
        return Math.max(0, ties - 1);
    }

    @Property(tries = 40)
    void topKInt8ReturnsEveryRowTheErrorAnalysisGuarantees(@ForAll("backend") VectorKernels k,
                                                          @ForAll UnitRows kind,
                                                          @ForAll @IntRange(min = 1, max = 40) int wanted,
                                                          @ForAll @IntRange(min = 1, max = 2000) int rows,
                                                          @ForAll("dimensions") int n,
                                                          @ForAll @IntRange(min = 1, max = 8) int oversample,
                                                          @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        int kk = Math.min(wanted, rows);
        FloatMatrix floats = kind.rows(rows, n, seed);
        QuantizedMatrix q = QuantizedMatrix.of(floats);
        check(k, floats, q, kind.query(floats, seed + 1L), kk, oversample);
    }

    @Provide
    Arbitrary<Integer> dimensions() {
        return Arbitraries.of(1, 3, 16, 31, 64, 100, 384, 768);
    }

    /**
     * The stated bound: over 40 seeded cases of 2,000 unit rows of 384 dimensions (half isotropic,
     * half anisotropic), recall@10 of {@code topKInt8} with oversample 4 against the exact float
     * top 10 averages at least {@value #RECALL_BOUND} on every backend.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allBackends")
    void recallAt10IsAtLeastTheStatedBound(VectorKernels k) {
        double sum = 0;
        int cases = 0;
        int guaranteed = 0;
        for (UnitRows kind : UnitRows.values()) {
            for (int s = 0; s < 20; s++) {
                FloatMatrix floats = kind.rows(2000, 384, 100 + s);
                QuantizedMatrix q = QuantizedMatrix.of(floats);
                Case c = check(k, floats, q, kind.query(floats, 200 + s), 10, OVERSAMPLE);
                sum += c.recall();
                guaranteed += c.guaranteed();
                cases++;
            }
        }
        double mean = sum / cases;
        System.out.printf("%s: int8 recall@10 %.4f over %d cases, oversample %d; %d of %d top-10 rows guaranteed%n",
                k.name(), mean, cases, OVERSAMPLE, guaranteed, 10 * cases);
        assertTrue(mean >= RECALL_BOUND, k.name() + ": mean recall@10 " + mean + " < " + RECALL_BOUND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allBackends")
    void topKInt8AgreesWithTheFloatSearchOfTheSameBackend(VectorKernels k) {
        FloatMatrix floats = UnitRows.ANISOTROPIC.rows(3000, 384, 7);
        QuantizedMatrix q = QuantizedMatrix.of(floats);
        float[] query = UnitRows.ANISOTROPIC.query(floats, 8);
        float[] scores = new float[floats.rows()];
        k.scoreAll(query, floats, scores);
        int[] expected = k.topK(scores, 10);
        // Re-ranked with dot rather than scoreAll, which may round differently: rows may swap only
        // where their scores tie within float rounding.
        for (int oversample : new int[] {10, floats.rows()}) {
            int[] got = k.topKInt8(query, q, 10, oversample);
            for (int i = 0; i < 10; i++) {
                if (got[i] != expected[i]) {
                    assertEquals(scores[expected[i]], scores[got[i]], 1e-5f, k.name() + " rank " + i);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allBackends")
    void edgeCasesAndBadArguments(VectorKernels k) {
        FloatMatrix floats = FloatMatrix.of(new float[] {1, 0, 0, 1, 0.6f, 0.8f, 0, 0}, 4, 2);
        QuantizedMatrix q = QuantizedMatrix.of(floats);
        assertArrayEquals(new int[] {2, 1, 0, 3}, k.topKInt8(new float[] {0.5f, 1}, q, 4, 1));
        assertArrayEquals(new int[] {0, 1, 2}, k.topKInt8(new float[2], q, 3, 2), "all zero: lower rows first");
        assertArrayEquals(new int[] {1}, k.topKInt8(new float[] {0, 1}, q, 1, 1));
        assertEquals("k must be in [1, rows.rows() = 4], but was 5", assertThrows(IllegalArgumentException.class,
                () -> k.topKInt8(new float[2], q, 5, 1)).getMessage());
        assertEquals("k must be in [1, rows.rows() = 4], but was 0", assertThrows(IllegalArgumentException.class,
                () -> k.topKInt8(new float[2], q, 0, 1)).getMessage());
        assertEquals("oversample must be >= 1, but was 0", assertThrows(IllegalArgumentException.class,
                () -> k.topKInt8(new float[2], q, 1, 0)).getMessage());
        assertEquals("query.length must equal cols() (2), but was 3", assertThrows(IllegalArgumentException.class,
                () -> k.topKInt8(new float[3], q, 1, 1)).getMessage());
        assertEquals("query.length must equal rows.cols() (2), but was 3", assertThrows(IllegalArgumentException.class,
                () -> k.scoreAllInt8(new byte[3], q, new int[4])).getMessage());
        assertEquals("out.length must equal rows.rows() (4), but was 3", assertThrows(IllegalArgumentException.class,
                () -> k.scoreAllInt8(new byte[2], q, new int[3])).getMessage());
        assertThrows(NullPointerException.class, () -> k.scoreAllInt8(null, q, new int[4]));
        assertThrows(NullPointerException.class, () -> k.topKInt8(new float[2], null, 1, 1));
        // No rows, no columns.
        QuantizedMatrix empty = QuantizedMatrix.of(new FloatMatrix(0, 5));
        k.scoreAllInt8(new byte[5], empty, new int[0]);
        QuantizedMatrix noCols = QuantizedMatrix.of(new FloatMatrix(3, 0));
        int[] out = {9, 9, 9};
        k.scoreAllInt8(new byte[0], noCols, out);
        assertArrayEquals(new int[3], out);
        assertArrayEquals(new int[] {0, 1}, k.topKInt8(new float[0], noCols, 2, 1));
    }
}
