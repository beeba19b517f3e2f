package dev.budget4j.rag;

import dev.budget4j.kernel.FloatMatrix;
import dev.budget4j.kernel.QuantizedMatrix;
import dev.budget4j.kernel.VectorKernels;
import java.util.ArrayList;
import java.util.List;

/**
 * Unit-length chunk vectors in one row-major {@link FloatMatrix}, searched by cosine similarity
 * (a dot product, since every row and the query are normalized). Normalizing, scoring and top-k
 * all go through a kernel backend; every backend reads the same heap matrix in place.
 *
 * <p>The index also keeps the rows quantized to int8 ({@link QuantizedMatrix}, a quarter of the
 * bytes) for {@link #searchInt8}: an int8 scan for {@link #OVERSAMPLE} candidates per hit, re-ranked
 * exactly in float.
 */
public final class VectorIndex {
    /** Candidates per hit that the int8 search re-ranks in float. */
    public static final int OVERSAMPLE = 4;

    private final List<Chunk> chunks;
    private final FloatMatrix rows;
    private final QuantizedMatrix quantized;

    private VectorIndex(List<Chunk> chunks, FloatMatrix rows) {
        this.chunks = chunks;
        this.rows = rows;
        this.quantized = QuantizedMatrix.of(rows);
    }

    /**
     * Copies the vectors into one matrix and normalizes every row with {@code kernels}.
     *
     * @param chunks the chunks, in row order
     * @param vectors one vector per chunk, all of the same length
     * @param kernels the backend that normalizes
     * @return the index
     */
    public static VectorIndex build(List<Chunk> chunks, float[][] vectors, VectorKernels kernels) {
        Args.notNull(chunks, "chunks");
        Args.notNull(vectors, "vectors");
        Args.notNull(kernels, "kernels");
        Args.that(chunks.size() == vectors.length, "vectors.length", "must equal chunks.size()=" + chunks.size(),
                vectors.length);
        int dim = vectors.length == 0 ? 1 : vectors[0].length;
        float[] data = new float[vectors.length * dim];
        float[] row = new float[dim]; // one scratch row: the inputs stay untouched, no copy per row
        for (int r = 0; r < vectors.length; r++) {
            Args.that(vectors[r].length == dim, "vectors[" + r + "].length", "must equal " + dim, vectors[r].length);
            System.arraycopy(vectors[r], 0, row, 0, dim);
            kernels.normalize(row);
            System.arraycopy(row, 0, data, r * dim, dim);
        }
        return new VectorIndex(List.copyOf(chunks), FloatMatrix.of(data, vectors.length, dim));
    }

    /**
     * The {@code k} chunks most similar to a query vector.
     *
     * @param query the query vector, {@link #dimension()} floats; normalized here on a copy
     * @param k how many, &gt;= 1 (fewer when the index is smaller)
     * @param kernels scores every row and selects the top k
     * @return hits, best first, ties to the lower row
     */
    public List<Hit> search(float[] query, int k, VectorKernels kernels) {
        Args.notNull(query, "query");
        Args.that(query.length == dimension(), "query.length", "must equal dimension=" + dimension(), query.length);
        Args.atLeast(k, 1, "k");
        if (size() == 0) {
            return List.of();
        }
        float[] q = query.clone();
        kernels.normalize(q);
        float[] scores = new float[size()];
        kernels.scoreAll(q, rows, scores);
        int[] top = kernels.topK(scores, Math.min(k, size()));
        List<Hit> hits = new ArrayList<>(top.length);
        for (int row : top) {
            hits.add(new Hit(chunks.get(row).id(), row, scores[row]));
        }
        return hits;
    }

    /**
     * The {@code k} chunks most similar to a query vector, found through the int8 rows: the
     * {@code k * }{@value #OVERSAMPLE} best int8 scores, re-ranked by their exact float scores
     * ({@link VectorKernels#topKInt8}). Hits carry exact float scores.
     *
     * @param query the query vector, {@link #dimension()} finite floats; normalized here on a copy
     * @param k how many, &gt;= 1 (fewer when the index is smaller)
     * @param kernels scores the int8 rows, re-ranks and normalizes
     * @return hits, best first, ties to the lower row
     */
    public List<Hit> searchInt8(float[] query, int k, VectorKernels kernels) {
        Args.notNull(query, "query");
        Args.that(query.length == dimension(), "query.length", "must equal dimension=" + dimension(), query.length);
        Args.atLeast(k, 1, "k");
        if (size() == 0) {
            return List.of();
        }
        float[] q = query.clone();
        kernels.normalize(q);
        int[] top = kernels.topKInt8(q, quantized, Math.min(k, size()), OVERSAMPLE);
        List<Hit> hits = new ArrayList<>(top.length);
        for (int row : top) {
            hits.add(new Hit(chunks.get(row).id(), row, kernels.dot(q, rows.row(row))));
        }
        return hits;
    }

    /** @return number of rows */
    public int size() {
        return chunks.size();
    }

    /** @return vector length */
    public int dimension() {
        return rows.cols();
    }

    /** @return the chunk in a row */
    public Chunk chunk(int row) {
        return chunks.get(row);
    }

    /** @return the matrix itself; do not change it */
    FloatMatrix rows() {
        return rows;
    }

    /** @return the rows as int8 codes, for the int8 search */
    QuantizedMatrix quantized() {
        return quantized;
    }
}
