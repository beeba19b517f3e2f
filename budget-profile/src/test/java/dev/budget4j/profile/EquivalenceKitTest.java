package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Stage;
import dev.budget4j.profile.equivalence.Equivalence;
import dev.budget4j.profile.equivalence.FloatArbitraries;
import dev.budget4j.profile.equivalence.OutputEquivalence;
import dev.budget4j.profile.equivalence.TextArbitraries;
import dev.budget4j.profile.equivalence.TopK;
import dev.budget4j.profile.equivalence.Tolerance;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EquivalenceKitTest {

    @Test
    void tolerancesAcceptWithinAndRejectBeyond() {
        assertTrue(Tolerance.absolute(0.01).close(1.0, 1.009));
        assertFalse(Tolerance.absolute(0.01).close(1.0, 1.02));
        assertTrue(Tolerance.relative(1e-3).close(1000.0, 1000.9));
        assertFalse(Tolerance.relative(1e-3).close(1000.0, 1002.0));
        float one = 1f;
        assertTrue(Tolerance.ulps(2).close(one, Math.nextUp(Math.nextUp(one))));
        assertFalse(Tolerance.ulps(2).close(one, Math.nextUp(Math.nextUp(Math.nextUp(one)))));
        assertTrue(Tolerance.ulps(1).close(-0f, 0f));
        assertTrue(Tolerance.exact().close(Float.NaN, Float.NaN));
        assertFalse(Tolerance.absolute(1e30).close(Float.POSITIVE_INFINITY, 1f));
        AssertionError e = assertThrows(AssertionError.class,
                () -> Tolerance.absolute(1e-6).assertClose(new float[] {1, 2, 3}, new float[] {1, 2, 3.1f}));
        assertTrue(e.getMessage().startsWith("element 2 of 3"), e.getMessage());
        assertTrue(Tolerance.exact().mismatch(new float[1], new float[2]).orElseThrow().contains("lengths differ"));
        assertThrows(IllegalArgumentException.class, () -> Tolerance.absolute(-1));
    }

    @Test
    void topKIsEqualUpToTies() {
        Tolerance t = Tolerance.absolute(1e-6);
        // indices 4 and 9 tie at rank 1..2: either order is fine
        TopK.assertEquivalent(new int[] {1, 4, 9}, new float[] {0.9f, 0.5f, 0.5f}, new int[] {1, 9, 4},
                new float[] {0.9f, 0.5f, 0.5f}, t);
        // a tie at the cut-off may pick another member of the tied group
        TopK.assertEquivalent(new int[] {1, 4}, new float[] {0.9f, 0.5f}, new int[] {1, 7}, new float[] {0.9f, 0.5f}, t);
        AssertionError wrongIndex = assertThrows(AssertionError.class, () -> TopK.assertEquivalent(new int[] {1, 4},
                new float[] {0.9f, 0.5f}, new int[] {7, 4}, new float[] {0.9f, 0.5f}, t));
        assertTrue(wrongIndex.getMessage().contains("not tied"), wrongIndex.getMessage());
        assertThrows(AssertionError.class, () -> TopK.assertEquivalent(new int[] {1}, new float[] {0.9f}, new int[] {1},
                new float[] {0.8f}, t));
    }

    @Test
    void stageEquivalenceNamesBothStagesAndTheInput() {
        Stage<int[], Integer> sum = Stage.of("sum", (int[] a) -> java.util.Arrays.stream(a).sum());
        Stage<int[], Integer> offByOne = Stage.of("offByOne", (int[] a) -> java.util.Arrays.stream(a).sum() + 1);
        Equivalence.assertEquivalent(sum, sum, new int[] {1, 2}, OutputEquivalence.equality());
        AssertionError e = assertThrows(AssertionError.class,
                () -> Equivalence.assertEquivalent(sum, offByOne, new int[] {1, 2}, OutputEquivalence.equality()));
        assertTrue(e.getMessage().contains("'offByOne' vs 'sum' on int[2] [1, 2]"), e.getMessage());
        Stage<int[], Integer> throwing = Stage.of("throwing", (int[] a) -> {
            throw new IllegalArgumentException("no");
        });
        assertTrue(Equivalence.mismatch(sum, throwing, new int[] {1}, OutputEquivalence.equality()).orElseThrow()
                .contains("candidate threw"));
        assertTrue(Equivalence.mismatch(throwing, throwing, new int[] {1}, OutputEquivalence.equality()).isEmpty());
    }

    @Test
    void plainFunctionsAndMethodReferencesNeedNoWrapping() {
        Function<String, Integer> chars = String::length;
        Function<String, Integer> codePoints = s -> s.codePointCount(0, s.length());
        Equivalence.assertEquivalent(chars, codePoints, "abc", OutputEquivalence.equality());
        AssertionError e = assertThrows(AssertionError.class,
                () -> Equivalence.assertEquivalent(chars, codePoints, "\uD83D\uDE00", OutputEquivalence.equality()));
        assertEquals("'candidate' vs 'reference' on \uD83D\uDE00: expected 2, actual 1", e.getMessage());
        Equivalence.assertEquivalent(String::strip, String::trim, "  a b ", OutputEquivalence.equality());
        assertTrue(Equivalence.mismatch(String::strip, String::trim, "a\u3000", OutputEquivalence.equality()).orElseThrow()
                .startsWith("'candidate' vs 'reference' on a\u3000: "));
        Function<String, Integer> named = Stage.of("chars", String::length);
        assertTrue(Equivalence.mismatch(named, codePoints, "\uD83D\uDE00", OutputEquivalence.equality()).orElseThrow()
                .startsWith("'candidate' vs 'chars' on "));
        NullPointerException none = assertThrows(NullPointerException.class,
                () -> Equivalence.mismatch((Function<String, Integer>) null, codePoints, "a", OutputEquivalence.equality()));
        assertEquals("reference must not be null", none.getMessage());
    }

    @Property(tries = 150)
    void generatedVectorsHaveTheListedSizesAndKinds(@ForAll("vectors") float[] v) {
        assertTrue(FloatArbitraries.SIZES.contains(v.length));
        for (float x : v) {
            assertTrue(Float.isFinite(x));
        }
    }

    @Provide
    Arbitrary<float[]> vectors() {
        return FloatArbitraries.vectors();
    }

    @Test
    void eachKindLooksLikeItsName() {
        for (float x : FloatArbitraries.vector(500, FloatArbitraries.Values.SUBNORMAL, 1)) {
            assertTrue(x != 0 && Math.abs(x) < Float.MIN_NORMAL, "subnormal " + x);
        }
        for (float x : FloatArbitraries.vector(500, FloatArbitraries.Values.UNIFORM, 1)) {
            assertTrue(x >= 0 && x < 1);
        }
        float max = 0;
        for (float x : FloatArbitraries.vector(500, FloatArbitraries.Values.EXTREME, 1)) {
            max = Math.max(max, Math.abs(x));
        }
        assertTrue(max > 1e12f, "extreme values reach large magnitudes, max " + max);
        assertEquals(4098, FloatArbitraries.vector(4098, FloatArbitraries.Values.GAUSSIAN, 5).length);
    }

    @Property(tries = 100)
    void matricesAreRectangular(@ForAll("matrices") float[][] m) {
        assertTrue(m.length >= 1 && m.length <= 5);
        for (float[] row : m) {
            assertEquals(13, row.length);
        }
    }

    @Provide
    Arbitrary<float[][]> matrices() {
        return FloatArbitraries.matrices(5, 13);
    }

    @Property(tries = 150)
    void textIsWellFormedUnicode(@ForAll("text") String s) {
        assertTrue(TextArbitraries.wellFormed(s));
        assertTrue(s.codePointCount(0, s.length()) <= 200);
    }

    @Provide
    Arbitrary<String> text() {
        return TextArbitraries.unicodeText();
    }

    @Test
    void textCoversSurrogatePairsAndCombiningMarks() {
        var samples = TextArbitraries.unicodeText(50, 100).sampleStream().limit(50).toList();
        assertTrue(samples.stream().anyMatch(s -> s.chars().anyMatch(c -> Character.isHighSurrogate((char) c))));
        assertTrue(samples.stream().anyMatch(s -> s.codePoints().anyMatch(c -> c >= 0x300 && c <= 0x36F)));
        assertFalse(TextArbitraries.wellFormed("a\uD83D"));
        // every class of text is checked in equivalence.TextArbitrariesTest, with a fixed seed
    }
}
