package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Every chunker gives the boundaries of a simple code-point reference, and never splits a surrogate pair. */
class ChunkerProperties {

    static List<Chunker> chunkers() {
        List<Chunker> all = new ArrayList<>();
        for (String name : Backends.available()) {
            all.add(Backends.chunker(name));
        }
        return all;
    }

    /** The definition, written as plainly as possible over an array of code points. */
    static List<TextSpan> reference(String text, int size, int overlap) {
        int[] cps = text.codePoints().toArray();
        int[] charAt = new int[cps.length + 1];
        for (int i = 0; i < cps.length; i++) {
            charAt[i + 1] = charAt[i] + Character.charCount(cps[i]);
        }
        List<TextSpan> out = new ArrayList<>();
        for (int start = 0; start < cps.length; start += size - overlap) {
            int end = Math.min(cps.length, start + size);
            out.add(new TextSpan(charAt[start], charAt[end]));
            if (end == cps.length) {
                break;
            }
        }
        return out;
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().range('a', 'z'), Arbitraries.of(' ', 'é', 'ß', 'Ω'),
                Arbitraries.chars().range('\u4e00', '\u4e10'));
        Arbitrary<String> bmp = chars.list().ofMaxSize(300).map(l -> {
            StringBuilder b = new StringBuilder();
            l.forEach(b::append);
            return b.toString();
        });
        Arbitrary<String> astral = Arbitraries.of("😀", "𝄞", "🇪🇺", "a").list().ofMaxSize(150)
                .map(l -> String.join("", l));
        return Arbitraries.oneOf(bmp, astral, Arbitraries.of("", "x", "😀"));
    }

    @Property(tries = 200)
    void equalsReference(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 64) int size,
            @ForAll @IntRange(min = 0, max = 63) int overlap) {
        Assume.that(overlap < size);
        List<TextSpan> expected = reference(text, size, overlap);
        for (Chunker c : chunkers()) {
            assertEquals(expected, c.spans(text, size, overlap), c.name());
        }
    }

    @Property(tries = 200)
    void spansCoverTheTextAndKeepSurrogatePairsWhole(@ForAll("texts") String text,
            @ForAll @IntRange(min = 1, max = 32) int size, @ForAll @IntRange(min = 0, max = 31) int overlap) {
        Assume.that(overlap < size);
        for (Chunker c : chunkers()) {
            List<TextSpan> spans = c.spans(text, size, overlap);
            assertEquals(text.isEmpty(), spans.isEmpty());
            if (!spans.isEmpty()) {
                assertEquals(0, spans.get(0).start());
                assertEquals(text.length(), spans.get(spans.size() - 1).end());
            }
            for (TextSpan s : spans) {
                assertFalse(Character.isLowSurrogate(text.charAt(s.start())), "starts inside a pair: " + s);
                assertTrue(s.end() == text.length() || !Character.isLowSurrogate(text.charAt(s.end())),
                        "ends inside a pair: " + s);
                assertTrue(text.codePointCount(s.start(), s.end()) <= size);
            }
        }
    }
}
