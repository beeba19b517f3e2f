package dev.budget4j.rag;

/** Plain-Java scoring: a four-accumulator dot product and a bounded min-heap for top-k. */
public final class PlainScoring implements ScoringBackend {

    @Override
    public String name() {
        return "java";
    }

    @Override
    public void scoreAll(float[] query, float[] rows, int rowCount, int cols, float[] out) {
        Args.that(query.length == cols, "query.length", "must equal cols=" + cols, query.length);
        Args.that(rows.length >= rowCount * cols, "rows.length", "must be >= rowCount*cols=" + rowCount * cols,
                rows.length);
        Args.that(out.length >= rowCount, "out.length", "must be >= rowCount=" + rowCount, out.length);
        for (int r = 0; r < rowCount; r++) {
            int base = r * cols;
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int c = 0;
            for (; c + 3 < cols; c += 4) {
                s0 += query[c] * rows[base + c];
                s1 += query[c + 1] * rows[base + c + 1];
                s2 += query[c + 2] * rows[base + c + 2];
                s3 += query[c + 3] * rows[base + c + 3];
            }
            for (; c < cols; c++) {
                s0 += query[c] * rows[base + c];
            }
            out[r] = (s0 + s1) + (s2 + s3);
        }
    }

    @Override
    public int[] topK(float[] scores, int k) {
        return TopK.of(scores, k);
    }
}
