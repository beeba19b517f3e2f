package dev.budget4j.rag;

import dev.budget4j.profile.equivalence.OutputEquivalence;
import dev.budget4j.profile.equivalence.Tolerance;
import dev.budget4j.profile.equivalence.TopK;
import java.util.List;
import java.util.Optional;

/**
 * When two backends' search results count as the same: scores equal rank by rank within
 * {@link #SCORES}, and rows equal except among tied scores (budget-profile's tie-aware
 * {@link TopK} check). Backends sum in different orders, so scores are not bit-identical.
 */
final class SearchEquivalence {
    /**
     * Score tolerance: twice the kernels' documented bound for a 384-float dot product of unit
     * vectors, {@code n * 2^-24 * sum|a[i] * b[i]| <= 384 * 2^-24 ≈ 2.3e-5}, since the query is
     * also normalized by each backend.
     */
    static final Tolerance SCORES = Tolerance.absolute(2 * 384 * 0x1p-24);

    private SearchEquivalence() {
    }

    /** @return the equivalence of two hit lists, for the ladder */
    static OutputEquivalence<List<Hit>> hits() {
        return SearchEquivalence::mismatch;
    }

    static Optional<String> mismatch(List<Hit> expected, List<Hit> actual) {
        return TopK.mismatch(rows(expected), scores(expected), rows(actual), scores(actual), SCORES);
    }

    static int[] rows(List<Hit> hits) {
        return hits.stream().mapToInt(Hit::row).toArray();
    }

    static float[] scores(List<Hit> hits) {
        float[] s = new float[hits.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = hits.get(i).score();
        }
        return s;
    }
}
