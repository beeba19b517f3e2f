package dev.budget4j.rag;

import dev.budget4j.kernel.FloatMatrix;
import dev.budget4j.kernel.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A {@link VectorIndex} of the default run's size ({@value #ROWS} rows of {@value #DIMENSIONS}
 * floats, 13.5 MB) for {@link RagSuite}'s {@code query.search}, without the embedding model:
 * Gaussian rows from a fixed seed, normalized by plain Java, so every JVM and every backend
 * searches the same matrix. Built once per JVM on first use (a few tens of milliseconds).
 */
final class SyntheticIndex {
    /** Rows: the chunks of the default run (2,000 documents). */
    static final int ROWS = 8_825;
    /** Columns: all-MiniLM-L6-v2's embedding size. */
    static final int DIMENSIONS = 384;
    /** Seed of the rows. */
    static final long SEED = 0x5EEDL;

    private SyntheticIndex() {
    }

    private static final class Holder {
        static final VectorIndex INDEX = build(ROWS, DIMENSIONS, SEED);
    }

    /** @return the shared index, built on first use */
    static VectorIndex get() {
        return Holder.INDEX;
    }

    /**
     * Builds an index of seeded Gaussian unit rows.
     *
     * @param rows rows, {@code >= 1}
     * @param dimensions columns, {@code >= 1}
     * @param seed the rows' seed
     * @return the index; chunk {@code i} is {@code synthetic#i} with empty text
     */
    static VectorIndex build(int rows, int dimensions, long seed) {
        Args.atLeast(rows, 1, "rows");
        Args.atLeast(dimensions, 1, "dimensions");
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[rows][dimensions];
        List<Chunk> chunks = new ArrayList<>(rows);
        TextChunk empty = new TextChunk(0, 0);
        for (int r = 0; r < rows; r++) {
            fill(vectors[r], random);
            chunks.add(new Chunk("synthetic", r, empty, ""));
        }
        return VectorIndex.build(chunks, vectors, Kernels.java());
    }

    /**
     * A query near a seeded random row: the row plus Gaussian noise of the same size, not
     * normalized (the search normalizes a copy), like a question about one chunk.
     *
     * @param random the seeded source, not null
     * @return a vector of {@link VectorIndex#dimension()} floats
     */
    static float[] query(SplittableRandom random) {
        VectorIndex index = get();
        FloatMatrix rows = index.rows();
        int row = random.nextInt(index.size());
        float[] q = new float[index.dimension()];
        fill(q, random);
        float norm = 0;
        for (float x : q) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int c = 0; c < q.length; c++) {
            q[c] = rows.get(row, c) + q[c] * scale;
        }
        return q;
    }

    private static void fill(float[] v, SplittableRandom random) {
        for (int c = 0; c < v.length; c++) {
            v[c] = (float) gaussian(random);
        }
    }

    /** A standard normal value (Box–Muller, one of the pair). */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble(); // (0, 1]: log is finite
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
