package dev.budget4j.profile.equivalence;

import dev.budget4j.internal.util.Require;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two top-k results (indices with their scores, best first) up to ties: the scores must
 * match position by position within a tolerance, and where the indices differ, the entries must
 * be tied — the actual index is found in the expected list with a close score, or its score is
 * close to the expected k-th score (a tie at the cut-off may select a different member of the
 * tied group).
 */
public final class TopK {
    private TopK() {
    }

    /**
     * Compares two top-k results, allowing reordering among tied scores.
     *
     * @param expectedIndices the reference indices, best first
     * @param expectedScores their scores
     * @param actualIndices the indices checked
     * @param actualScores their scores
     * @param tolerance how close scores must be
     * @return why they differ beyond ties, or empty
     */
    public static Optional<String> mismatch(int[] expectedIndices, float[] expectedScores, int[] actualIndices,
            float[] actualScores, Tolerance tolerance) {
        Require.notNull(expectedIndices, "expectedIndices");
        Require.notNull(expectedScores, "expectedScores");
        Require.notNull(actualIndices, "actualIndices");
        Require.notNull(actualScores, "actualScores");
        Require.notNull(tolerance, "tolerance");
        Require.that(expectedIndices.length == expectedScores.length, "expectedScores", "must have one score per index",
                expectedScores.length + " scores for " + expectedIndices.length + " indices");
        Require.that(actualIndices.length == actualScores.length, "actualScores", "must have one score per index",
                actualScores.length + " scores for " + actualIndices.length + " indices");
        if (expectedIndices.length != actualIndices.length) {
            return Optional.of("k differs: expected " + expectedIndices.length + ", actual " + actualIndices.length);
        }
        int k = expectedIndices.length;
        Map<Integer, Float> expected = new HashMap<>();
        for (int i = 0; i < k; i++) {
            expected.put(expectedIndices[i], expectedScores[i]);
        }
        for (int i = 0; i < k; i++) {
            if (!tolerance.close(expectedScores[i], actualScores[i])) {
                return Optional.of(String.format(Locale.ROOT, "score at rank %d: expected %s (index %d), actual %s (index %d), %s",
                        i, expectedScores[i], expectedIndices[i], actualScores[i], actualIndices[i], tolerance));
            }
            if (actualIndices[i] == expectedIndices[i]) {
                continue;
            }
            Float sameIndex = expected.get(actualIndices[i]);
            boolean tiedInside = sameIndex != null && tolerance.close(sameIndex, actualScores[i]);
            boolean tiedAtCut = k > 0 && tolerance.close(expectedScores[k - 1], actualScores[i]);
            if (!tiedInside && !tiedAtCut) {
                return Optional.of(String.format(Locale.ROOT, "index at rank %d: expected %d, actual %d with score %s, not tied with"
                        + " an expected entry", i, expectedIndices[i], actualIndices[i], actualScores[i]));
            }
        }
        return Optional.empty();
    }

    /**
     * Fails unless the two top-k results are equal up to ties.
     *
     * @param expectedIndices the reference indices, best first
     * @param expectedScores their scores
     * @param actualIndices the indices checked
     * @param actualScores their scores
     * @param tolerance how close scores must be
     * @throws AssertionError naming the first difference
     */
    public static void assertEquivalent(int[] expectedIndices, float[] expectedScores, int[] actualIndices,
            float[] actualScores, Tolerance tolerance) {
        mismatch(expectedIndices, expectedScores, actualIndices, actualScores, tolerance).ifPresent(m -> {
            throw new AssertionError(m);
        });
    }
}
