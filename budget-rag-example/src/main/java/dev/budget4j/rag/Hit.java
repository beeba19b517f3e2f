package dev.budget4j.rag;

/**
 * One search result.
 *
 * @param chunkId the chunk's id, {@code docId#ordinal}
 * @param row the chunk's row in the index
 * @param score cosine similarity in [-1, 1]
 */
public record Hit(String chunkId, int row, float score) {
}
