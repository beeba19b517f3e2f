package dev.budget4j.rag;

import java.util.List;

/**
 * Splits text into overlapping windows counted in Unicode code points. Every backend gives the
 * same spans for the same input; the equivalence tests check that.
 */
public interface Chunker {

    /** @return a short name for reports, e.g. {@code java} */
    String name();

    /**
     * Splits {@code text} into windows of {@code size} code points that start every
     * {@code size - overlap} code points; the last window ends at the end of the text.
     *
     * @param text the text, not null; empty text has no chunks
     * @param size window length in code points, &gt;= 1
     * @param overlap code points shared by neighbouring windows, in [0, size)
     * @return the spans in order, as char indices
     */
    List<TextSpan> spans(String text, int size, int overlap);
}
