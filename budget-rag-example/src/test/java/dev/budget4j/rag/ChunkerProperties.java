package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Stage;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.TextChunk;
import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.profile.equivalence.Equivalence;
import dev.budget4j.profile.equivalence.OutputEquivalence;
import dev.budget4j.profile.equivalence.TextArbitraries;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The chunkers of every kernel backend give the same boundaries as plain Java and as a simple
 * code-point reference, and never split a surrogate pair.
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
        Arbitrary<String> astral = Arbitraries.of("😀", "𝄞", "🇪🇺", "a", "e\u0301").list().ofMaxSize(150)
                .map(l -> String.join("", l));
        return Arbitraries.oneOf(TextArbitraries.unicodeText(), astral, Arbitraries.of("", "x", "😀"));
    }

    @Property(tries = 200)
    void everyBackendChunksLikePlainJavaAndTheReference(@ForAll("texts") String text,
            @ForAll @IntRange(min = 1, max = 64) int size, @ForAll @IntRange(min = 0, max = 63) int overlap) {
        Assume.that(overlap < size);
        Stage<String, List<TextChunk>> plain = Stage.of("chunk", t -> Kernels.java().chunk(t, size, overlap));
        assertEquals(reference(text, size, overlap), plain.apply(text));
        for (VectorKernels k : Kernels.available()) {
            Equivalence.assertEquivalent(plain, Stage.of("chunk." + k.name(), t -> k.chunk(t, size, overlap)), text,
                    OutputEquivalence.equality());
        }
    }

    @Property(tries = 200)
    void chunksCoverTheTextAndKeepSurrogatePairsWhole(@ForAll("texts") String text,
            @ForAll @IntRange(min = 1, max = 32) int size, @ForAll @IntRange(min = 0, max = 31) int overlap) {
        Assume.that(overlap < size);
        for (VectorKernels k : Kernels.available()) {
            List<TextChunk> chunks = k.chunk(text, size, overlap);
            assertEquals(text.isEmpty(), chunks.isEmpty(), k.name());
            if (!chunks.isEmpty()) {
                assertEquals(0, chunks.get(0).start());
                assertEquals(text.length(), chunks.get(chunks.size() - 1).end());
            }
            for (TextChunk s : chunks) {
                assertTrue(s.length() > 0, k.name() + ": empty chunk " + s);
                assertFalse(Character.isLowSurrogate(text.charAt(s.start()))
                        && s.start() > 0 && Character.isHighSurrogate(text.charAt(s.start() - 1)),
                        k.name() + ": starts inside a pair: " + s);
                assertTrue(text.codePointCount(s.start(), s.end()) <= size, k.name());
            }
        }
    }
}
