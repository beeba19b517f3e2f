package dev.budget4j.rag;

import dev.budget4j.kernel.Kernels;
import java.util.List;
import java.util.Locale;

/**
 * How much of the exact float search's top k the int8 search returns on a set of questions:
 * recall@k = hits found / hits wanted, a hit tied with the exact k-th score (within float
 * rounding) counting as found.
 *
 * @param rung the int8 rung measured
 * @param k hits per question
 * @param questions questions asked
 * @param found exact hits the int8 search returned, over all questions
 * @param exactQuestions questions whose int8 top k held every exact hit
 */
public record Int8Recall(String rung, int k, int questions, int found, int exactQuestions) {

    /** Hits per question for the recall figure: recall@10. */
    public static final int K = 10;

    /**
     * Runs the exact float search (plain Java) and the int8 search on every question.
     *
     * @param index the index
     * @param vectors the questions' vectors
     * @param rung the int8 rung
     * @return the figures
     */
    static Int8Recall measure(VectorIndex index, List<float[]> vectors, SearchRung rung) {
        int k = Math.min(K, index.size());
        int found = 0;
        int exactQuestions = 0;
        for (float[] q : vectors) {
            List<Hit> exact = index.search(q, k, Kernels.java());
            int f = SearchEquivalence.found(exact, index.searchInt8(q, k, rung.kernels()));
            found += f;
            if (f == exact.size()) {
                exactQuestions++;
            }
        }
        return new Int8Recall(rung.name(), k, vectors.size(), found, exactQuestions);
    }

    /** @return found / (questions * k), in [0, 1]; NaN without questions */
    public double recall() {
        return questions == 0 ? Double.NaN : found / (double) (questions * k);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "int8 recall@%d against the exact float search: %.4f (%,d of %,d hits; %d of %d"
                + " questions with every hit), %s, %d candidates per hit re-ranked", k, recall(), found, questions * k,
                exactQuestions, questions, rung, VectorIndex.OVERSAMPLE);
    }
}
