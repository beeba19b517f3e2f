package dev.budget4j.profile.equivalence;

import dev.budget4j.internal.util.Require;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for text stages (chunkers, tokenizers): Unicode strings that mix ASCII,
 * accented Latin, CJK, characters outside the BMP (surrogate pairs: emoji, math letters) and
 * combining marks, so code that splits on {@code char} indices is caught. Needs jqwik on the
 * test path.
 */
public final class TextArbitraries {
    private TextArbitraries() {
    }

    /** {@return one code point, weighted towards the hard cases} */
    public static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.of((int) ' ', (int) '\n', (int) '\t')),
                Tuple.of(2, Arbitraries.integers().between(0xC0, 0x17F)),
                Tuple.of(2, Arbitraries.integers().between(0x4E00, 0x9FFF)),
                Tuple.of(3, Arbitraries.integers().between(0x1F300, 0x1FAFF)),
                Tuple.of(1, Arbitraries.integers().between(0x1D400, 0x1D7FF)),
                Tuple.of(3, Arbitraries.integers().between(0x0300, 0x036F)));
    }

    /** {@return text of 0 to 200 code points} */
    public static Arbitrary<String> unicodeText() {
        return unicodeText(0, 200);
    }

    /**
     * @param minCodePoints the shortest text in code points, {@code >= 0}
     * @param maxCodePoints the longest text in code points, {@code >= minCodePoints}
     * @return texts of that length
     */
    public static Arbitrary<String> unicodeText(int minCodePoints, int maxCodePoints) {
        Require.atLeast(minCodePoints, 0, "minCodePoints");
        Require.that(maxCodePoints >= minCodePoints, "maxCodePoints", "must be >= minCodePoints=" + minCodePoints, maxCodePoints);
        return codePoints().list().ofMinSize(minCodePoints).ofMaxSize(maxCodePoints).map(cps -> {
            StringBuilder s = new StringBuilder(cps.size() * 2);
            cps.forEach(s::appendCodePoint);
            return s.toString();
        });
    }

    /**
     * @param text any text, not null
     * @return true when no surrogate in {@code text} is unpaired
     */
    public static boolean wellFormed(String text) {
        Require.notNull(text, "text");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
