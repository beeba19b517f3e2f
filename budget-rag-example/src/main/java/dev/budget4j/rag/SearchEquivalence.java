package dev.budget4j.rag;

import dev.budget4j.profile.equivalence.OutputEquivalence;
import dev.budget4j.profile.equivalence.Tolerance;
import dev.budget4j.profile.equivalence.TopK;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    static final double SCORE_BOUND = 2 * 384 * 0x1p-24;
    /** {@link #SCORE_BOUND} as a tolerance. */
    static final Tolerance SCORES = Tolerance.absolute(SCORE_BOUND);

    private SearchEquivalence() {
    }

    /** @return the equivalence of two hit lists, for the ladder */
    static OutputEquivalence<List<Hit>> hits() {
        return SearchEquivalence::mismatch;
    }

    static Optional<String> mismatch(List<Hit> expected, List<Hit> actual) {
        return TopK.mismatch(rows(expected), scores(expected), rows(actual), scores(actual), SCORES);
    }

    /**
     * When an approximate search (int8 scoring, float re-ranking) counts as giving the exact
     * search's results: as many hits, best first, none scoring above the exact hit of its rank
     * (its scores are exact, so it cannot beat the exact ranking beyond {@link #SCORES}), and at
     * least {@code minRecall} of the exact hits found, counting a hit tied with the exact k-th
     * score within {@link #SCORES} as found.
     *
     * @param minRecall the fraction of the exact hits each result must contain, in (0, 1]
     * @return the equivalence, for the ladder's int8 rungs
     */
    static OutputEquivalence<List<Hit>> approximate(double minRecall) {
        Args.that(minRecall > 0 && minRecall <= 1, "minRecall", "must be in (0, 1]", minRecall);
        return (expected, actual) -> approximateMismatch(expected, actual, minRecall);
    }

    static Optional<String> approximateMismatch(List<Hit> expected, List<Hit> actual, double minRecall) {
        if (expected.size() != actual.size()) {
            return Optional.of("expected " + expected.size() + " hits but got " + actual.size());
        }
        for (int i = 0; i < actual.size(); i++) {
            if (actual.get(i).score() > expected.get(i).score() + SCORE_BOUND) {
                return Optional.of("hit " + i + " (row " + actual.get(i).row() + ") scores " + actual.get(i).score()
                        + ", above the exact hit of its rank (" + expected.get(i).score() + ")");
            }
            if (i > 0 && actual.get(i).score() > actual.get(i - 1).score()) {
                return Optional.of("hits are not best first at " + i);
            }
        }
        int found = found(expected, actual);
        int needed = (int) Math.ceil(minRecall * expected.size() - 1e-9);
        if (found < needed) {
            return Optional.of("found " + found + " of the " + expected.size() + " exact hits, fewer than "
                    + needed + " (recall " + minRecall + "): expected rows " + Arrays.toString(rows(expected))
                    + ", got " + Arrays.toString(rows(actual)));
        }
        return Optional.empty();
    }

    /** How many of the exact hits an approximate result contains, a tie at the exact k-th score counting as found. */
    static int found(List<Hit> expected, List<Hit> actual) {
        if (expected.isEmpty()) {
            return 0;
        }
        Set<Integer> exact = new HashSet<>();
        expected.forEach(h -> exact.add(h.row()));
        float kth = expected.get(expected.size() - 1).score();
        int found = 0;
        for (Hit h : actual) {
            if (exact.contains(h.row()) || h.score() >= kth - SCORE_BOUND) {
                found++;
            }
        }
        return found;
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
