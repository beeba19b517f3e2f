package dev.budget4j.rag;


/**
 * A window of a cleaned document.
 *
 * @param docId the document id
 * @param ordinal position of this chunk in its document, from 0
 * @param span where the text comes from in the cleaned document, in char indices (from
 *     {@link Chunker#chunk}, so never inside a surrogate pair)
 * @param text the chunk's text
 */
public record Chunk(String docId, int ordinal, TextChunk span, String text) {
    /** Checks that no component is null. */
    public Chunk {
        Args.notNull(docId, "docId");
        Args.notNull(span, "span");
        Args.notNull(text, "text");
    }

    /** @return {@code docId#ordinal}, unique in a corpus */
    public String id() {
        return docId + "#" + ordinal;
    }
}
