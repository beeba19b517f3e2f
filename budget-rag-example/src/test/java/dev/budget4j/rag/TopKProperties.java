package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.profile.equivalence.FloatArbitraries;
import dev.budget4j.profile.equivalence.TopK;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Top-k of every backend equals a full sort (ties to the lower index), and searching one index
 * gives the same results with every backend, up to ties (budget-profile's tie-aware {@link TopK}).
 */
class TopKProperties {

    static int[] bySort(float[] scores, int k) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparing((Integer i) -> scores[i]).reversed().thenComparing(i -> i));
        return idx.subList(0, Math.min(k, scores.length)).stream().mapToInt(Integer::intValue).toArray();
    }

    @Property(tries = 200)
    void topKEqualsFullSort(@ForAll @Size(min = 1, max = 200) List<@FloatRange(min = -1, max = 1) Float> values,
            @ForAll @IntRange(min = 1, max = 50) int k, @ForAll boolean coarse) {
        float[] scores = new float[values.size()];
        for (int i = 0; i < scores.length; i++) {
            // coarse scores force many ties
            scores[i] = coarse ? Math.round(values.get(i) * 4) / 4f : values.get(i);
        }
        int kk = Math.min(k, scores.length);
        for (VectorKernels b : Kernels.available()) {
            assertArrayEquals(bySort(scores, kk), b.topK(scores, kk), b.name());
        }
    }

    @Test
    void allEqualScoresGiveTheLowestIndices() {
        for (VectorKernels b : Kernels.available()) {
            assertArrayEquals(new int[] {0, 1, 2}, b.topK(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, 3), b.name());
        }
    }

    @Property(tries = 100)
    void searchIsTheSameWithEveryBackendUpToTies(@ForAll("indexRows") float[][] rows, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 20) int k, @ForAll boolean duplicateRows) {
        float[][] vectors = duplicateRows ? withDuplicates(rows) : rows;
        float[] query = FloatArbitraries.vector(384, FloatArbitraries.Values.GAUSSIAN, seed);
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            chunks.add(new Chunk("doc", i, new TextChunk(0, 1), "x"));
        }
        VectorIndex index = VectorIndex.build(chunks, vectors, Kernels.java());
        List<Hit> expected = index.search(query, k, Kernels.java());
        assertEquals(Math.min(k, vectors.length), expected.size());
        for (VectorKernels b : Kernels.available()) {
            List<Hit> actual = index.search(query, k, b);
            TopK.assertEquivalent(SearchEquivalence.rows(expected), SearchEquivalence.scores(expected),
                    SearchEquivalence.rows(actual), SearchEquivalence.scores(actual), SearchEquivalence.SCORES);
            // and an index normalized by that backend
            List<Hit> own = VectorIndex.build(chunks, vectors, b).search(query, k, b);
            TopK.assertEquivalent(SearchEquivalence.rows(expected), SearchEquivalence.scores(expected),
                    SearchEquivalence.rows(own), SearchEquivalence.scores(own), SearchEquivalence.SCORES);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<float[][]> indexRows() {
        return FloatArbitraries.matrices(300, 384);
    }

    /** Every row twice: exact ties everywhere. */
    private static float[][] withDuplicates(float[][] rows) {
        float[][] out = new float[rows.length * 2][];
        for (int i = 0; i < rows.length; i++) {
            out[2 * i] = rows[i];
            out[2 * i + 1] = rows[i].clone();
        }
        return out;
    }

    @Property(tries = 100)
    void scoreAllIsTheDotProductOfEachRowWithinTheKernelBound(@ForAll @IntRange(min = 1, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 70) int cols, @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] m = new float[rows * cols];
        float[] q = new float[cols];
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextFloat() * 2 - 1;
        }
        for (int i = 0; i < cols; i++) {
            q[i] = r.nextFloat() * 2 - 1;
        }
        dev.budget4j.kernel.FloatMatrix matrix = dev.budget4j.kernel.FloatMatrix.of(m, rows, cols);
        for (VectorKernels b : Kernels.available()) {
            float[] out = new float[rows];
            b.scoreAll(q, matrix, out);
            for (int row = 0; row < rows; row++) {
                double expected = 0;
                double magnitude = 0;
                for (int c = 0; c < cols; c++) {
                    expected += (double) q[c] * m[row * cols + c];
                    magnitude += Math.abs((double) q[c] * m[row * cols + c]);
                }
                // the bound documented on VectorKernels
                double bound = cols * 0x1p-24 * magnitude + cols * Float.MIN_VALUE;
                assertEquals(expected, out[row], bound, b.name() + " row " + row);
            }
        }
    }
}
