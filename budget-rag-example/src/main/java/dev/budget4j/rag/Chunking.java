package dev.budget4j.rag;

import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline's chunker: code-point windows of a cleaned document from {@link Chunker}, each
 * turned into a {@link Chunk} with its text. Used by the pipeline's {@code chunk} stage and by
 * {@link RagSuite}, so both measure the same code.
 */
final class Chunking {
    private Chunking() {
    }

    /**
     * Chunks one document.
     *
     * @param doc the cleaned document, not null
     * @param size chunk length in code points
     * @param overlap code points shared by neighbouring chunks, {@code < size}
     * @return the chunks in order, immutable
     */
    static List<Chunk> chunk(CleanDoc doc, int size, int overlap) {
        Args.notNull(doc, "doc");
        List<TextChunk> spans = Chunker.chunk(doc.text(), size, overlap);
        List<Chunk> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            TextChunk s = spans.get(i);
            out.add(new Chunk(doc.id(), i, s, doc.text().substring(s.start(), s.end())));
        }
        return List.copyOf(out);
    }
}
