package dev.budget4j.profile.equivalence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.profile.equivalence.FloatArbitraries.Values;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of float input on which two correct-looking kernels give different floats is
 * reached by the arbitraries within jqwik's default 1,000 tries, each class defined by its
 * arithmetic (overflow, cancellation, ...) rather than by the generator's kinds.
 */
class FloatArbitrariesTest {
    private static final long SEED = 99L;
    private static final int LEAST_HITS = Samples.DEFAULT_TRIES / 100;

    private static List<float[]> finite;
    private static List<float[][]> pairs;
    private static List<float[]> all;

    private static synchronized List<float[]> finite() {
        if (finite == null) {
            finite = Samples.draw(FloatArbitraries.vectors(), Samples.DEFAULT_TRIES, SEED);
        }
        return finite;
    }

    private static synchronized List<float[][]> pairs() {
        if (pairs == null) {
            pairs = Samples.draw(FloatArbitraries.vectorPairs(), Samples.DEFAULT_TRIES, SEED);
        }
        return pairs;
    }

    private static synchronized List<float[]> all() {
        if (all == null) {
            all = Samples.draw(FloatArbitraries.vectorsOf(Values.values()), Samples.DEFAULT_TRIES, SEED);
        }
        return all;
    }

    /** A class of input; {@code source} says which arbitrary must reach it. */
    record Case(String source, String what, Predicate<Object> foundIn) {
        @Override
        public String toString() {
            return source + ": " + what;
        }
    }

    static Case vector(String what, Predicate<float[]> p) {
        return new Case("vectors()", what, v -> p.test((float[]) v));
    }

    static Case pair(String what, Predicate<float[][]> p) {
        return new Case("vectorPairs()", what, v -> p.test((float[][]) v));
    }

    static Case any(String what, Predicate<float[]> p) {
        return new Case("vectorsOf(Values.values())", what, v -> p.test((float[]) v));
    }

    static boolean anyElement(float[] v, Predicate<Float> p) {
        for (float x : v) {
            if (p.test(x)) {
                return true;
            }
        }
        return false;
    }

    static float floatSumOfSquares(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x * x;
        }
        return s;
    }

    static double doubleSumOfSquares(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return s;
    }

    static float floatDot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Products of floats are exact in double; the sum's error is far below the differences checked. */
    static double doubleDot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    static Stream<Case> cases() {
        return Stream.of(
                vector("-0.0", v -> anyElement(v, x -> Float.floatToRawIntBits(x) == 0x8000_0000)),
                vector("a subnormal", v -> anyElement(v, x -> x != 0 && Math.abs(x) < Float.MIN_NORMAL)),
                vector("magnitudes more than 20 decades apart", v -> {
                    double min = Double.MAX_VALUE;
                    double max = 0;
                    for (float x : v) {
                        if (x != 0) {
                            min = Math.min(min, Math.abs(x));
                            max = Math.max(max, Math.abs(x));
                        }
                    }
                    return max / min > 1e20;
                }),
                vector("a zero norm", v -> doubleSumOfSquares(v) == 0),
                vector("a sum that cancels: |sum| < 1e-3 of the sum of magnitudes", v -> {
                    double sum = 0;
                    double magnitude = 0;
                    for (float x : v) {
                        sum += x;
                        magnitude += Math.abs(x);
                    }
                    return magnitude > 0 && Math.abs(sum) < 1e-3 * magnitude;
                }),
                vector("a float sum that depends on the order (forward and backward differ)", v -> {
                    float forward = 0;
                    float backward = 0;
                    for (int i = 0; i < v.length; i++) {
                        forward += v[i];
                        backward += v[v.length - 1 - i];
                    }
                    return forward != backward;
                }),
                vector("a float sum of squares that overflows to infinity (the double one does not)",
                        v -> Float.isInfinite(floatSumOfSquares(v)) && Double.isFinite(doubleSumOfSquares(v))),
                vector("a float sum of squares that is finite and above Float.MAX_VALUE / 4",
                        v -> Float.isFinite(floatSumOfSquares(v)) && doubleSumOfSquares(v) > Float.MAX_VALUE / 4.0),
                pair("a float dot product more than 1% off the exact one", p -> {
                    double exact = doubleDot(p[0], p[1]);
                    double f = floatDot(p[0], p[1]);
                    return exact != 0 && Math.abs(f - exact) > 0.01 * Math.abs(exact);
                }),
                pair("a float dot product that overflows to infinity", p -> Float.isInfinite(floatDot(p[0], p[1]))),
                pair("a float dot product that is finite and above Float.MAX_VALUE / 4",
                        p -> Float.isFinite(floatDot(p[0], p[1])) && Math.abs(doubleDot(p[0], p[1])) > Float.MAX_VALUE / 4.0),
                any("NaN", v -> anyElement(v, x -> Float.isNaN(x))),
                any("+Infinity", v -> anyElement(v, x -> x == Float.POSITIVE_INFINITY)),
                any("-Infinity", v -> anyElement(v, x -> x == Float.NEGATIVE_INFINITY)),
                any("a non-finite value at the last index (a SIMD loop's tail)", v -> !Float.isFinite(v[v.length - 1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theArbitraryReachesItWithinTheDefaultTries(Case c) {
        List<?> values = c.source().equals("vectors()") ? finite() : c.source().equals("vectorPairs()") ? pairs() : all();
        long hits = values.stream().filter(c.foundIn()).count();
        assertTrue(hits >= LEAST_HITS, c + ": reached in " + hits + " of " + Samples.DEFAULT_TRIES + " tries, expected at least "
                + LEAST_HITS);
    }

    @Test
    void everySizeIsReachedAndTheDefaultVectorsAreFinite() {
        Set<Integer> sizes = finite().stream().map(v -> v.length).collect(Collectors.toSet());
        assertEquals(Set.copyOf(FloatArbitraries.SIZES), sizes);
        for (float[] v : finite()) {
            assertTrue(anyElement(v, Float::isFinite) && !anyElement(v, x -> !Float.isFinite(x)), "not finite: " + v.length);
        }
        assertEquals(EnumSet.complementOf(EnumSet.of(Values.NON_FINITE)), EnumSet.copyOf(FloatArbitraries.FINITE));
    }

    @Test
    void pairsAreDeterministicAndCancellingPairsShareTheirSecondValues() {
        float[][] p = FloatArbitraries.vectorPair(64, Values.CANCELLING, 5);
        assertArrayEquals(FloatArbitraries.vector(64, Values.CANCELLING, 5), p[0]);
        assertArrayEquals(p[1], FloatArbitraries.vectorPair(64, Values.CANCELLING, 5)[1]);
        int cancelled = 0;
        for (int i = 0; i < 64; i++) {
            for (int j = i + 1; j < 64; j++) {
                if (Math.abs(p[0][i]) >= 1000 && p[0][i] == -p[0][j]) {
                    assertEquals(p[1][i], p[1][j], "b is shared by a cancelling pair");
                    cancelled++;
                }
            }
        }
        assertEquals(16, cancelled);
        assertEquals(0, FloatArbitraries.vector(0, Values.NON_FINITE, 1).length);
        assertEquals(1, FloatArbitraries.vectorPair(1, Values.CANCELLING, 1)[1].length);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> FloatArbitraries.vectorsOf());
        assertEquals("kinds must name at least one kind, but was none", none.getMessage());
    }

    @Test
    void matricesOfAKindHaveRowsOfThatKind() {
        for (float[][] m : Samples.draw(FloatArbitraries.matrices(3, 8, Values.ZEROS), 20, SEED)) {
            assertTrue(m.length >= 1 && m.length <= 3);
            for (float[] row : m) {
                assertEquals(0, doubleSumOfSquares(row));
            }
        }
    }
}
