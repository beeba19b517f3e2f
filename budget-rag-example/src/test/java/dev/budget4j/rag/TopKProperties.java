package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Top-k of every backend equals a full sort, with ties to the lower index. */
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
    void equalsFullSort(@ForAll @Size(max = 200) List<@FloatRange(min = -1, max = 1) Float> values,
            @ForAll @IntRange(min = 0, max = 50) int k, @ForAll boolean coarse) {
        float[] scores = new float[values.size()];
        for (int i = 0; i < scores.length; i++) {
            // coarse scores force many ties
            scores[i] = coarse ? Math.round(values.get(i) * 4) / 4f : values.get(i);
        }
        for (String name : Backends.available()) {
            assertArrayEquals(bySort(scores, k), Backends.scoring(name).topK(scores, k), name);
        }
    }

    @Test
    void allEqualScoresGiveTheLowestIndices() {
        assertArrayEquals(new int[] {0, 1, 2}, new PlainScoring().topK(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, 3));
    }

    @Property(tries = 100)
    void scoreAllIsTheDotProductOfEachRow(@ForAll @IntRange(min = 1, max = 40) int rows,
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
        for (String name : Backends.available()) {
            float[] out = new float[rows];
            Backends.scoring(name).scoreAll(q, m, rows, cols, out);
            for (int row = 0; row < rows; row++) {
                double expected = 0;
                for (int c = 0; c < cols; c++) {
                    expected += (double) q[c] * m[row * cols + c];
                }
                assertEquals(expected, out[row], 1e-5 * cols, name + " row " + row);
            }
        }
    }
}
