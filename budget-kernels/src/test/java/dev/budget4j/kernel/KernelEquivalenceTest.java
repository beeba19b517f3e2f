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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One test class for every kernel backend on the path: each available backend is checked against
 * exact double references within the size-scaled bounds of {@link Tolerance}, for every size in
 * {@link #SIZES} and every distribution in {@link Inputs}. In budget-kernels only the plain-Java
 * backend exists; budget-vector and budget-native run this same class with their backends on the
 * test path and set {@value #REQUIRE_PROPERTY}, so a backend that silently fell back to
 * plain Java fails the build instead of passing it.
 */
class KernelEquivalenceTest {

    /** Comma-separated backend names that must be available, else every test here fails. */
    static final String REQUIRE_PROPERTY = "budget4j.kernels.require";

    static final int[] SIZES = {1, 4, 6, 8, 13, 16, 25, 32, 64, 100, 128, 207, 256, 300, 512, 702, 1024, 1536, 2046,
            2048, 4096, 4098};

    static List<VectorKernels> backends() {
        List<VectorKernels> available = Kernels.available();
        String required = System.getProperty(REQUIRE_PROPERTY, "");
        for (String name : required.split(",")) {
            name = name.trim();
            if (!name.isEmpty() && Kernels.byName(name).isEmpty()) {
                fail("backend '" + name + "' is required by " + REQUIRE_PROPERTY + " but unavailable: "
                        + Kernels.unavailableReason(name).orElse("?"));
            }
        }
        return available;
    }

    static Stream<Arguments> backendSizeInputs() {
        List<Arguments> args = new ArrayList<>();
        for (VectorKernels k : backends()) {
            for (int n : SIZES) {
                for (Inputs in : Inputs.values()) {
                    args.add(Arguments.of(k, n, in));
                }
            }
        }
        return args.stream();
    }

    static Stream<VectorKernels> allBackends() {
        return backends().stream();
    }

    private static void within(double expected, double bound, double actual, String what) {
        if (!(Math.abs(actual - expected) <= bound)) {
            fail(what + ": expected " + expected + " +- " + bound + " but was " + actual + " (off by "
                    + Math.abs(actual - expected) + ")");
        }
    }

    @Test
    void requiredBackendsAreActive() {
        List<String> names = backends().stream().map(VectorKernels::name).toList();
        assertEquals("java", names.get(names.size() - 1), "plain Java is always available, last");
        assertEquals(names.get(0), Kernels.active().name(), "the most preferred available backend is active");
    }

    @ParameterizedTest(name = "{0} n={1} {2}")
    @MethodSource("backendSizeInputs")
    void dotL2AndCosineStayWithinTheFloatErrorBound(VectorKernels k, int n, Inputs in) {
        float[] a = in.vector(n, 1);
        float[] b = in.vector(n, 2);
        double[] dot = Tolerance.dot(a, b);
        within(dot[0], dot[1], k.dot(a, b), k.name() + " dot");
        double[] l2 = Tolerance.l2Squared(a, b);
        within(l2[0], l2[1], k.l2Squared(a, b), k.name() + " l2Squared");
        double[] cos = Tolerance.cosine(a, b);
        within(cos[0], cos[1], k.cosine(a, b), k.name() + " cosine");
        double[] self = Tolerance.cosine(a, a);
        within(self[0], self[1], k.cosine(a, a), k.name() + " cosine(a, a)");
    }

    @ParameterizedTest(name = "{0} n={1} {2}")
    @MethodSource("backendSizeInputs")
    void normalizeGivesTheUnitVector(VectorKernels k, int n, Inputs in) {
        float[] v = in.vector(n, 3);
        double sq = 0;
        for (float x : v) {
            sq += (double) x * x;
        }
        double norm = Math.sqrt(sq);
        float[] w = v.clone();
        k.normalize(w);
        for (int i = 0; i < n; i++) {
            double expected = v[i] / norm;
            within(expected, Tolerance.gamma(n) * Math.abs(expected) + Float.MIN_VALUE, w[i], k.name() + " normalize[" + i + "]");
        }
    }

    @ParameterizedTest(name = "{0} n={1} {2}")
    @MethodSource("backendSizeInputs")
    void scoreAllMatchesEachDotProduct(VectorKernels k, int n, Inputs in) {
        int rows = 37;
        FloatMatrix m = FloatMatrix.of(in.vector(rows * n, 4), rows, n);
        float[] q = in.vector(n, 5);
        float[] out = new float[rows];
        k.scoreAll(q, m, out);
        for (int r = 0; r < rows; r++) {
            double[] e = Tolerance.dot(q, 0, m.data(), r * n, n);
            within(e[0], e[1], out[r], k.name() + " scoreAll[" + r + "]");
        }
    }

    @ParameterizedTest(name = "{0} n={1} {2}")
    @MethodSource("backendSizeInputs")
    void pairwiseCosineMatchesEachCosine(VectorKernels k, int n, Inputs in) {
        // Odd shapes so every backend's row and column remainders run; the second shape is above
        // the parallel threshold for the longer vectors.
        checkPairwise(k, FloatMatrix.of(in.vector(7 * n, 6), 7, n), FloatMatrix.of(in.vector(19 * n, 7), 19, n));
        if (n >= 256) {
            checkPairwise(k, FloatMatrix.of(in.vector(45 * n, 8), 45, n),
                    FloatMatrix.of(in.vector(70 * n, 9), 70, n));
        }
    }

    /**
     * Shapes that cross every blocking boundary of the built-in pairwise kernels: several blocks
     * of rows and of columns (the native kernel's 144 x 256, the Vector API's 128 x 512), partial
     * tiles at both edges, and rows long enough to be summed in several slices of k (256 native,
     * 768 Vector API), so the slices that add to a stored partial result run too.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allBackends")
    void pairwiseCosineAcrossBlocksAndSlicesOfK(VectorKernels k) {
        checkPairwise(k, FloatMatrix.of(Inputs.GAUSSIAN.vector(150 * 300, 13), 150, 300),
                FloatMatrix.of(Inputs.GAUSSIAN.vector(530 * 300, 14), 530, 300));
        checkPairwise(k, FloatMatrix.of(Inputs.UNIFORM.vector(131 * 800, 15), 131, 800),
                FloatMatrix.of(Inputs.UNIFORM.vector(37 * 800, 16), 37, 800));
    }

    private static void checkPairwise(VectorKernels k, FloatMatrix a, FloatMatrix b) {
        FloatMatrix c = k.pairwiseCosine(a, b);
        // Into a reused matrix full of garbage, twice: every element must be overwritten, not
        // accumulated. (Not compared bit for bit with c: a backend's lane reductions may round
        // differently once the JIT has compiled them, so both are held to the same error bound.)
        FloatMatrix into = new FloatMatrix(a.rows(), b.rows());
        java.util.Arrays.fill(into.data(), Float.NaN);
        k.pairwiseCosine(a, b, into);
        k.pairwiseCosine(a, b, into);
        assertEquals(a.rows(), c.rows());
        assertEquals(b.rows(), c.cols());
        int n = a.cols();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.rows(); j++) {
                double[] e = Tolerance.cosine(a.data(), i * n, b.data(), j * n, n);
                within(e[0], e[1], c.get(i, j), k.name() + " pairwise(" + i + ", " + j + ")");
                within(e[0], e[1], into.get(i, j), k.name() + " pairwise into a reused matrix (" + i + ", " + j + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allBackends")
    void pairwiseCosineOfZeroRowsIsZero(VectorKernels k) {
        FloatMatrix a = FloatMatrix.of(new float[] {0, 0, 0, 1, 2, 3}, 2, 3);
        FloatMatrix c = k.pairwiseCosine(a, a);
        assertArrayEquals(new float[] {0, 0, 0, 1}, c.data(), 1e-6f);
        FloatMatrix into = FloatMatrix.of(new float[] {9, 9, 9, 9}, 2, 2);
        k.pairwiseCosine(a, a, into);
        assertArrayEquals(c.data(), into.data());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> k.pairwiseCosine(a, a, new FloatMatrix(2, 3)));
        assertEquals("out must be 2 x 2 (a.rows() x b.rows()), but was 2 x 3", shape.getMessage());
        assertEquals(0.0, k.cosine(new float[3], new float[] {1, 2, 3}));
        float[] zero = new float[5];
        k.normalize(zero);
        assertArrayEquals(new float[5], zero);
    }

    @ParameterizedTest(name = "{0} n={1} {2}")
    @MethodSource("backendSizeInputs")
    void topKOfComputedScoresEqualsExactTopKUpToTies(VectorKernels k, int n, Inputs in) {
        int rows = 200;
        FloatMatrix m = FloatMatrix.of(in.vector(rows * n, 10), rows, n);
        float[] q = in.vector(n, 11);
        float[] scores = new float[rows];
        k.scoreAll(q, m, scores);
        double[] exact = new double[rows];
        double maxBound = 0;
        for (int r = 0; r < rows; r++) {
            double[] e = Tolerance.dot(q, 0, m.data(), r * n, n);
            exact[r] = e[0];
            maxBound = Math.max(maxBound, e[1]);
        }
        int kk = 10;
        int[] top = k.topK(scores, kk);
        Integer[] order = new Integer[rows];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(exact[y], exact[x]));
        for (int p = 0; p < kk; p++) {
            within(exact[order[p]], 2 * maxBound, exact[top[p]], k.name() + " topK rank " + p);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allBackends")
    void topKBreaksTiesByLowerIndex(VectorKernels k) {
        float[] s = {1, 3, 2, 3, Float.NaN, -0f, 0f, 3};
        assertArrayEquals(new int[] {4, 1, 3, 7, 2, 0, 6, 5}, k.topK(s, 8));
        assertArrayEquals(new int[] {4, 1, 3}, k.topK(s, 3));
    }

    @Property(tries = 200)
    void topKEqualsAFullSort(@ForAll("backend") VectorKernels k, @ForAll("fewDistinct") float[] scores,
                             @ForAll @IntRange(min = 1, max = 300) int wanted) {
        int kk = Math.min(wanted, scores.length);
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> {
            int c = Float.compare(scores[y], scores[x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        int[] expected = new int[kk];
        Arrays.setAll(expected, i -> order[i]);
        assertArrayEquals(expected, k.topK(scores, kk));
    }

    @Provide
    Arbitrary<float[]> fewDistinct() {
        return Arbitraries.of(-1f, 0f, 0.5f, 1f, 2f, Float.NaN).array(float[].class).ofMinSize(1).ofMaxSize(300);
    }

    @Provide
    Arbitrary<VectorKernels> backend() {
        return Arbitraries.of(backends());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allBackends")
    void logSumExpIsStable(VectorKernels k) {
        assertEquals(1000 + Math.log(2), k.logSumExp(new float[] {1000, 1000}), 1e-12);
        assertEquals(-1000 + Math.log(3), k.logSumExp(new float[] {-1000, -1000, -1000}), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, k.logSumExp(new float[0]));
        assertEquals(Double.POSITIVE_INFINITY, k.logSumExp(new float[] {1, Float.POSITIVE_INFINITY}));
        assertTrue(Double.isNaN(k.logSumExp(new float[] {1, Float.NaN})));
        float[] v = Inputs.GAUSSIAN.vector(1000, 12);
        double naive = 0;
        for (float x : v) {
            naive += Math.exp(x);
        }
        assertEquals(Math.log(naive), k.logSumExp(v), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allBackends")
    void badArgumentsAreRejectedWithTheirNameRuleAndValue(VectorKernels k) {
        float[] three = new float[3];
        float[] four = new float[4];
        assertEquals("b.length must equal a.length (3), but was 4",
                assertThrows(IllegalArgumentException.class, () -> k.dot(three, four)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> k.cosine(three, four));
        assertThrows(IllegalArgumentException.class, () -> k.l2Squared(four, three));
        assertEquals("a must not be null", assertThrows(NullPointerException.class, () -> k.dot(null, four)).getMessage());
        assertThrows(NullPointerException.class, () -> k.normalize(null));
        FloatMatrix m = new FloatMatrix(5, 3);
        assertEquals("query.length must equal rows.cols() (3), but was 4",
                assertThrows(IllegalArgumentException.class, () -> k.scoreAll(four, m, new float[5])).getMessage());
        assertEquals("out.length must equal rows.rows() (5), but was 4",
                assertThrows(IllegalArgumentException.class, () -> k.scoreAll(three, m, four)).getMessage());
        assertEquals("b.cols() must equal a.cols() (3), but was 4", assertThrows(IllegalArgumentException.class,
                () -> k.pairwiseCosine(m, new FloatMatrix(2, 4))).getMessage());
        assertEquals("k must be in [1, scores.length = 4], but was 0",
                assertThrows(IllegalArgumentException.class, () -> k.topK(four, 0)).getMessage());
        assertEquals("k must be in [1, scores.length = 4], but was 5",
                assertThrows(IllegalArgumentException.class, () -> k.topK(four, 5)).getMessage());
        assertThrows(NullPointerException.class, () -> k.logSumExp(null));
    }

    /**
     * Random shapes, mismatched lengths and sizes never crash the JVM: each call either returns a
     * result that matches the reference or throws IllegalArgumentException before any work.
     */
    @Property(tries = 200)
    void randomShapesNeverCrash(@ForAll("backend") VectorKernels k,
                                @ForAll @IntRange(min = 0, max = 600) int n,
                                @ForAll @IntRange(min = 0, max = 600) int n2,
                                @ForAll @IntRange(min = 0, max = 9) int rows,
                                @ForAll @IntRange(min = 0, max = 9) int rows2,
                                @ForAll @IntRange(min = -3, max = 12) int kk) {
        float[] a = Inputs.GAUSSIAN.vector(n, n);
        float[] b = Inputs.GAUSSIAN.vector(n2, n2 + 1);
        if (n == n2) {
            double[] e = Tolerance.dot(a, b);
            within(e[0], e[1], k.dot(a, b), "dot");
            within(Tolerance.l2Squared(a, b)[0], Tolerance.l2Squared(a, b)[1], k.l2Squared(a, b), "l2");
        } else {
            assertThrows(IllegalArgumentException.class, () -> k.dot(a, b));
            assertThrows(IllegalArgumentException.class, () -> k.l2Squared(a, b));
            assertThrows(IllegalArgumentException.class, () -> k.cosine(a, b));
        }
        FloatMatrix m = FloatMatrix.of(Inputs.UNIFORM.vector(rows * n, 3), rows, n);
        float[] out = new float[rows2];
        if (rows == rows2) {
            k.scoreAll(a, m, out);
        } else {
            assertThrows(IllegalArgumentException.class, () -> k.scoreAll(a, m, out));
        }
        FloatMatrix m2 = FloatMatrix.of(Inputs.UNIFORM.vector(rows2 * n2, 4), rows2, n2);
        if (n == n2) {
            FloatMatrix c = k.pairwiseCosine(m, m2);
            assertEquals(rows * rows2, c.data().length);
        } else {
            assertThrows(IllegalArgumentException.class, () -> k.pairwiseCosine(m, m2));
        }
        if (kk >= 1 && kk <= a.length) {
            assertEquals(kk, k.topK(a, kk).length);
        } else {
            assertThrows(IllegalArgumentException.class, () -> k.topK(a, kk));
        }
    }

    @Test
    void unknownOrUnavailableBackendsExplainThemselves() {
        assertTrue(Kernels.unavailableReason("java").isEmpty());
        assertTrue(Kernels.unavailableReason("quantum").orElseThrow().contains("quantum"));
        assertTrue(Kernels.byName("quantum").isEmpty());
        assertEquals("java", Kernels.java().name());
    }
}
