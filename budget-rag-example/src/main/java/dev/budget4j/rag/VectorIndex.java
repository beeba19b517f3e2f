package dev.budget4j.rag;

import java.util.ArrayList;
import java.util.List;

/**
 * Unit-length chunk vectors in one row-major {@code float[]}, searched by cosine similarity
 * (a dot product, since every row and the query are normalized).
 */
public final class VectorIndex {
    private final List<Chunk> chunks;
    private final float[] rows;
    private final int dim;

    private VectorIndex(List<Chunk> chunks, float[] rows, int dim) {
        this.chunks = chunks;
        this.rows = rows;
        this.dim = dim;
    }

    /**
     * Copies and normalizes the vectors into one matrix.
     *
     * @param chunks the chunks, in row order
     * @param vectors one vector per chunk, all of the same length
     * @return the index
     */
    public static VectorIndex build(List<Chunk> chunks, float[][] vectors) {
        Args.notNull(chunks, "chunks");
        Args.notNull(vectors, "vectors");
        Args.that(chunks.size() == vectors.length, "vectors.length", "must equal chunks.size()=" + chunks.size(),
                vectors.length);
        int dim = vectors.length == 0 ? 1 : vectors[0].length;
        float[] rows = new float[vectors.length * dim];
        for (int r = 0; r < vectors.length; r++) {
            Args.that(vectors[r].length == dim, "vectors[" + r + "].length", "must equal " + dim, vectors[r].length);
            System.arraycopy(vectors[r], 0, rows, r * dim, dim);
            normalize(rows, r * dim, dim);
        }
        return new VectorIndex(List.copyOf(chunks), rows, dim);
    }

    static void normalize(float[] v, int from, int len) {
        double sum = 0;
        for (int i = from; i < from + len; i++) {
            sum += (double) v[i] * v[i];
        }
        if (sum == 0) {
            return;
        }
        float inv = (float) (1 / Math.sqrt(sum));
        for (int i = from; i < from + len; i++) {
            v[i] *= inv;
        }
    }

    /**
     * The {@code k} chunks most similar to a query vector.
     *
     * @param query the query vector, {@link #dimension()} floats; normalized here on a copy
     * @param k how many, &gt;= 1
     * @param backend scores and selects
     * @return hits, best first, ties to the lower row
     */
    public List<Hit> search(float[] query, int k, ScoringBackend backend) {
        Args.that(query.length == dim, "query.length", "must equal dimension=" + dim, query.length);
        Args.atLeast(k, 1, "k");
        float[] q = query.clone();
        normalize(q, 0, dim);
        float[] scores = new float[size()];
        backend.scoreAll(q, rows, size(), dim, scores);
        int[] top = backend.topK(scores, k);
        List<Hit> hits = new ArrayList<>(top.length);
        for (int row : top) {
            hits.add(new Hit(chunks.get(row).id(), row, scores[row]));
        }
        return hits;
    }

    /** @return number of rows */
    public int size() {
        return chunks.size();
    }

    /** @return vector length */
    public int dimension() {
        return dim;
    }

    /** @return the chunk in a row */
    public Chunk chunk(int row) {
        return chunks.get(row);
    }

    /** @return the matrix itself, row-major, {@code size() * dimension()} floats; do not change it */
    float[] rows() {
        return rows;
    }
}
