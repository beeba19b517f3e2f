package dev.budget4j.rag;

/**
 * Scores a query against every row of the index and picks the best rows. The seam where the
 * kernel backends (plain Java, Vector API, FFM native) plug in.
 */
public interface ScoringBackend {

    /** @return the backend name shown in reports, e.g. {@code java} */
    String name();

    /**
     * Dot product of {@code query} with each row of a row-major matrix.
     *
     * @param query {@code cols} floats
     * @param rows the matrix, {@code rowCount * cols} floats, row-major
     * @param rowCount number of rows, &gt;= 0
     * @param cols row length, &gt;= 1
     * @param out receives {@code rowCount} scores
     */
    void scoreAll(float[] query, float[] rows, int rowCount, int cols, float[] out);

    /**
     * Indices of the {@code k} highest scores, best first; equal scores go to the lower index.
     *
     * @param scores the scores, not null
     * @param k how many, &gt;= 0 (fewer when there are fewer scores)
     * @return the indices
     */
    int[] topK(float[] scores, int k);
}
