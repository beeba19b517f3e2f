package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.profile.equivalence.TextArbitraries;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Chunker} gives the boundaries of a simple code-point reference, covers the text in
 * windows of the requested size and step, and never splits a surrogate pair (a lone surrogate
 * counts as one code point).
 */
class ChunkerProperties {

    /** The definition, written as plainly as possible over an array of code points. */
    static List<TextChunk> reference(String text, int size, int overlap) {
        int[] cps = text.codePoints().toArray();
        int[] charAt = new int[cps.length + 1];
        for (int i = 0; i < cps.length; i++) {
            charAt[i + 1] = charAt[i] + Character.charCount(cps[i]);
        }
        List<TextChunk> out = new ArrayList<>();
        for (int start = 0; start < cps.length; start += size - overlap) {
            int end = Math.min(cps.length, start + size);
            out.add(new TextChunk(charAt[start], charAt[end]));
            if (end == cps.length) {
                break;
            }
        }
        return out;
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> astral = Arbitraries.of("😀", "𝄞", "🇪🇺", "a", "e\u0301", "\uD800", "\uDC00").list().ofMaxSize(150)
                .map(l -> String.join("", l));
        return Arbitraries.oneOf(TextArbitraries.unicodeText(), astral, Arbitraries.of("", "x", "😀"));
    }

    @Property(tries = 200)
    void chunksLikeTheReference(@ForAll("texts") String text,
            @ForAll @IntRange(min = 1, max = 64) int size, @ForAll @IntRange(min = 0, max = 63) int overlap) {
        Assume.that(overlap < size);
        assertEquals(reference(text, size, overlap), Chunker.chunk(text, size, overlap));
    }

    @Property(tries = 200)
    void chunksCoverTheTextAndKeepSurrogatePairsWhole(@ForAll("texts") String text,
            @ForAll @IntRange(min = 1, max = 32) int size, @ForAll @IntRange(min = 0, max = 31) int overlap) {
        Assume.that(overlap < size);
        List<TextChunk> chunks = Chunker.chunk(text, size, overlap);
        assertEquals(text.isEmpty(), chunks.isEmpty());
        if (!chunks.isEmpty()) {
            assertEquals(0, chunks.get(0).start());
            assertEquals(text.length(), chunks.get(chunks.size() - 1).end());
        }
        for (int i = 0; i < chunks.size(); i++) {
            TextChunk s = chunks.get(i);
            assertTrue(s.length() > 0, "empty chunk " + s);
            assertFalse(splitsPair(text, s.start()) || splitsPair(text, s.end()), "boundary inside a pair: " + s);
            int cps = text.codePointCount(s.start(), s.end());
            if (i < chunks.size() - 1) {
                assertEquals(size, cps, "every chunk but the last has size code points");
                assertEquals(size - overlap, text.codePointCount(s.start(), chunks.get(i + 1).start()), "step");
            } else {
                assertTrue(cps >= 1 && cps <= size);
            }
        }
    }

    private static boolean splitsPair(String s, int at) {
        return at > 0 && at < s.length() && Character.isHighSurrogate(s.charAt(at - 1))
                && Character.isLowSurrogate(s.charAt(at));
    }

    @Example
    void examples() {
        String s = "ab\uD83D\uDE00cd";   // a b 😀 c d: five code points, six chars
        assertEquals(List.of(new TextChunk(0, 4), new TextChunk(2, 6)), Chunker.chunk(s, 3, 1));
        assertEquals(List.of(new TextChunk(0, 6)), Chunker.chunk(s, 5, 0));
        assertEquals(List.of(), Chunker.chunk("", 3, 0));
    }

    @Example
    void badArgumentsAreRejectedWithTheirNameRuleAndValue() {
        assertEquals("size must be >= 1 code point, but was -1",
                assertThrows(IllegalArgumentException.class, () -> Chunker.chunk("abc", -1, 0)).getMessage());
        assertEquals("overlap must be >= 0 code points, but was -2",
                assertThrows(IllegalArgumentException.class, () -> Chunker.chunk("abc", 2, -2)).getMessage());
        assertEquals("overlap must be < size (2), but was 2",
                assertThrows(IllegalArgumentException.class, () -> Chunker.chunk("abc", 2, 2)).getMessage());
        assertThrows(NullPointerException.class, () -> Chunker.chunk(null, 2, 1));
    }
}
