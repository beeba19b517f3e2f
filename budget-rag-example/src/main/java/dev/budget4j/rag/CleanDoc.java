package dev.budget4j.rag;

/**
 * A document after cleaning.
 *
 * @param id the document id
 * @param text the cleaned text (title, then body)
 * @param contentHash SHA-256 of {@code text} in hex: chunks are memoized by id, hash and size
 */
public record CleanDoc(String id, String text, String contentHash) implements java.io.Serializable {
    /** Checks that no component is null. */
    public CleanDoc {
        Args.notNull(id, "id");
        Args.notNull(text, "text");
        Args.notNull(contentHash, "contentHash");
    }
}
