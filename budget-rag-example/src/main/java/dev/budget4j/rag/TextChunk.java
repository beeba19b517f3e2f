package dev.budget4j.rag;

/**
 * One chunk of a text, as char offsets {@code [start, end)} into the text it was cut from
 * (so {@code text.substring(start, end)} is the chunk). Produced by
 * {@link Chunker#chunk(String, int, int)}; its boundaries never fall between the two halves of a
 * surrogate pair.
 *
 * @param start first char index of the chunk, {@code >= 0}, inclusive
 * @param end   char index after the chunk, {@code >= start}, exclusive
 */
public record TextChunk(int start, int end) {

    /**
     * Checks the offsets.
     *
     * @throws IllegalArgumentException when {@code start < 0} or {@code end < start}
     */
    public TextChunk {
        Args.atLeast(start, 0, "start");
        Args.that(end >= start, "end", "must be >= start (" + start + ")", end);
    }

    /**
     * The chunk's length.
     *
     * @return {@code end - start}, in chars (UTF-16 code units)
     */
    public int length() {
        return end - start;
    }
}
