package dev.budget4j.rag;

import java.util.ArrayList;
import java.util.List;

/**
 * Code-point windows over a string, found in one forward pass. Text handling, not float math:
 * it lives with the pipeline that chunks, not among the kernel backends.
 */
public final class Chunker {
    private Chunker() {
    }

    /**
     * Cuts {@code text} into windows of {@code size} code points, each starting
     * {@code size - overlap} code points after the previous one; the last window ends at the end
     * of the text and may be shorter. Boundaries are char offsets that never split a surrogate
     * pair (an unpaired surrogate counts as one code point).
     *
     * @param text    the text
     * @param size    window length in code points, {@code >= 1}
     * @param overlap code points shared by consecutive windows, in {@code [0, size)}
     * @return the chunks in order; empty for an empty text
     * @throws NullPointerException     when {@code text} is null
     * @throws IllegalArgumentException when {@code size < 1}, {@code overlap < 0} or
     *                                  {@code overlap >= size}
     */
    public static List<TextChunk> chunk(String text, int size, int overlap) {
        Args.notNull(text, "text");
        Args.that(size >= 1, "size", "must be >= 1 code point", size);
        Args.that(overlap >= 0, "overlap", "must be >= 0 code points", overlap);
        Args.that(overlap < size, "overlap", "must be < size (" + size + ")", overlap);
        int length = text.length();
        List<TextChunk> out = new ArrayList<>();
        if (length == 0) {
            return out;
        }
        int step = size - overlap;
        int start = 0;
        while (true) {
            // Walk size code points from start, remembering where the next window begins.
            int pos = start;
            int next = start;
            for (int cp = 0; cp < size && pos < length; cp++) {
                pos = advance(text, pos, length);
                if (cp + 1 == step) {
                    next = pos;
                }
            }
            out.add(new TextChunk(start, pos));
            if (pos == length) {
                return out;
            }
            start = next;
        }
    }

    private static int advance(String text, int pos, int length) {
        if (Character.isHighSurrogate(text.charAt(pos)) && pos + 1 < length
                && Character.isLowSurrogate(text.charAt(pos + 1))) {
            return pos + 2;
        }
        return pos + 1;
    }
}
