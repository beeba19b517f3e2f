package dev.budget4j.kernel.internal;

import dev.budget4j.kernel.TextChunk;

import java.util.ArrayList;
import java.util.List;

/** Code-point windows over a string, found in one forward pass. */
public final class Chunker {
    private Chunker() {
    }

    /**
     * Windows of {@code size} code points every {@code size - overlap} code points.
     *
     * @param text    the text
     * @param size    {@code >= 1} (checked by the caller)
     * @param overlap in {@code [0, size)} (checked by the caller)
     * @return the chunks
     */
    public static List<TextChunk> chunk(String text, int size, int overlap) {
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
