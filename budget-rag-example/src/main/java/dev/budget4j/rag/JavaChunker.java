package dev.budget4j.rag;

import java.util.ArrayList;
import java.util.List;

/** The plain-Java {@link Chunker}: one pass over the code points, no copies of the text. */
public final class JavaChunker implements Chunker {

    @Override
    public String name() {
        return "java";
    }

    @Override
    public List<TextSpan> spans(String text, int size, int overlap) {
        Args.notNull(text, "text");
        Args.atLeast(size, 1, "size");
        Args.that(overlap >= 0 && overlap < size, "overlap", "must be in [0, size=" + size + ")", overlap);
        int step = size - overlap;
        List<TextSpan> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = advance(text, start, size);
            out.add(new TextSpan(start, end));
            if (end == text.length()) {
                break;
            }
            start = advance(text, start, step);
        }
        return out;
    }

    /** The char index {@code codePoints} code points after {@code from}, or the text's length. */
    private static int advance(String text, int from, int codePoints) {
        int remaining = text.codePointCount(from, text.length());
        return remaining <= codePoints ? text.length() : text.offsetByCodePoints(from, codePoints);
    }

    @Override
    public String toString() {
        return "JavaChunker";
    }
}
