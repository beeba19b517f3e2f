package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The query stage's int8 rungs: the ladder's order, the int8 search on every backend against the
 * float search, and the approximate equivalence the ladder holds them to.
 */
class Int8SearchTest {

    @Test
    void theLadderPutsEveryFloatRungBelowEveryInt8Rung() {
        List<String> names = SearchRung.ladder(Kernels.available()).stream().map(SearchRung::name).toList();
        List<String> backends = Backends.available().reversed().stream()
                .map(b -> b.equals("java") ? "plain" : b).toList();
        List<String> expected = new java.util.ArrayList<>(backends);
        backends.forEach(b -> expected.add(b + SearchRung.INT8));
        assertEquals(expected, names);
        assertTrue(SearchRung.int8(Kernels.java()).toString().contains("int8 scoring, float re-ranking"));
    }

    @Test
    void theInt8SearchFindsTheFloatHitsWithExactScoresOnEveryBackend() {
        VectorIndex index = SyntheticIndex.build(3000, 384, 5);
        SplittableRandom random = new SplittableRandom(6);
        int found = 0;
        int wanted = 0;
        for (int i = 0; i < 40; i++) {
            float[] q = SyntheticIndex.query(random);
            List<Hit> exact = index.search(q, 10, Kernels.java());
            for (VectorKernels k : Kernels.available()) {
                List<Hit> int8 = index.searchInt8(q, 10, k);
                assertEquals(List.of(), SearchEquivalence.approximateMismatch(exact, int8, 0.9).stream().toList(),
                        k.name() + " question " + i);
                for (Hit h : int8) {
                    float expected = Kernels.java().dot(normalized(q), index.rows().row(h.row()));
                    assertEquals(expected, h.score(), SearchEquivalence.SCORE_BOUND, "exact float scores");
                }
                found += SearchEquivalence.found(exact, int8);
                wanted += exact.size();
            }
        }
        assertTrue(found >= 0.99 * wanted, "recall@10 " + found + "/" + wanted);
    }

    private static float[] normalized(float[] q) {
        float[] c = q.clone();
        Kernels.java().normalize(c);
        return c;
    }

    @Test
    void theApproximateEquivalenceCountsMissesAndRefusesScoresAboveTheExactOnes() {
        List<Hit> exact = List.of(new Hit("a", 0, 0.9f), new Hit("b", 1, 0.8f), new Hit("c", 2, 0.7f),
                new Hit("d", 3, 0.6f), new Hit("e", 4, 0.5f));
        List<Hit> oneMiss = List.of(new Hit("a", 0, 0.9f), new Hit("b", 1, 0.8f), new Hit("c", 2, 0.7f),
                new Hit("d", 3, 0.6f), new Hit("x", 9, 0.4f));
        assertTrue(SearchEquivalence.approximate(0.8).mismatch(exact, oneMiss).isEmpty());
        assertEquals("found 4 of the 5 exact hits, fewer than 5 (recall 1.0): expected rows [0, 1, 2, 3, 4], got "
                + "[0, 1, 2, 3, 9]", SearchEquivalence.approximate(1.0).mismatch(exact, oneMiss).orElseThrow());
        List<Hit> tie = List.of(new Hit("a", 0, 0.9f), new Hit("b", 1, 0.8f), new Hit("c", 2, 0.7f),
                new Hit("d", 3, 0.6f), new Hit("y", 7, 0.5f));
        assertTrue(SearchEquivalence.approximate(1.0).mismatch(exact, tie).isEmpty(), "a tie at the k-th score is found");
        List<Hit> tooGood = List.of(new Hit("a", 0, 0.95f), new Hit("b", 1, 0.8f), new Hit("c", 2, 0.7f),
                new Hit("d", 3, 0.6f), new Hit("e", 4, 0.5f));
        assertTrue(SearchEquivalence.approximate(0.2).mismatch(exact, tooGood).orElseThrow()
                .startsWith("hit 0 (row 0) scores 0.95, above the exact hit of its rank (0.9)"));
        assertEquals("minRecall must be in (0, 1], but was 0.0",
                assertThrows(IllegalArgumentException.class, () -> SearchEquivalence.approximate(0)).getMessage());
    }

    @Test
    void badQueriesAreRefusedByTheInt8SearchAsByTheFloatOne() {
        VectorIndex index = SyntheticIndex.build(10, 8, 1);
        assertEquals("query.length must equal dimension=8, but was 3", assertThrows(IllegalArgumentException.class,
                () -> index.searchInt8(new float[3], 1, Kernels.java())).getMessage());
        assertEquals("k must be >= 1, but was 0", assertThrows(IllegalArgumentException.class,
                () -> index.searchInt8(new float[8], 0, Kernels.java())).getMessage());
        assertEquals(10, index.searchInt8(new float[8], 50, Kernels.java()).size(), "k above the size: every row");
    }

    static dev.budget4j.StageSnapshot snapshot(long p50Nanos) {
        org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(3);
        for (int i = 0; i < 100; i++) {
            h.recordValue(p50Nanos);
        }
        return dev.budget4j.StageSnapshot.builder("query.search", h).elapsedNanos(100 * p50Nanos).build();
    }

    @Test
    void aViolatedSearchBudgetIsNamedWithTheRungThatWouldMeetIt() {
        dev.budget4j.Budget budget = dev.budget4j.Budget.parse("p50<=800us");
        dev.budget4j.StageSnapshot warm = snapshot(300_000);
        dev.budget4j.StageSnapshot evicted = snapshot(1_220_000);
        dev.budget4j.StageSnapshot int8 = snapshot(400_000);
        dev.budget4j.profile.Ladder.Rung vector = new dev.budget4j.profile.Ladder.Rung("vector", true, "", null,
                budget.evaluate(warm), 1, evicted, budget.evaluate(evicted));
        dev.budget4j.profile.Ladder.Rung vectorInt8 = new dev.budget4j.profile.Ladder.Rung("vector-int8", true, "",
                null, budget.evaluate(warm), 3, int8, budget.evaluate(int8));
        dev.budget4j.profile.Ladder.Result<float[], List<Hit>> ladder = new dev.budget4j.profile.Ladder.Result<>(
                List.of(vector, vectorInt8), java.util.Optional.of(vectorInt8), budget, true, List.of());
        Int8Recall recall = new Int8Recall("vector-int8", 10, 1, 10, 1);
        VectorKernels k = Kernels.java();
        dev.budget4j.Verdict violated = budget.evaluate(snapshot(1_300_000));

        QueryBackend forcedFloat = new QueryBackend(SearchRung.floats(k), "forced", ladder, recall);
        String note = QueryLadder.violationNote(forcedFloat, violated).orElseThrow();
        assertTrue(note.startsWith("query.search VIOLATED its budget with rung plain: stage 'query.search': p50 was 1.3"),
                note);
        assertTrue(note.contains("In situ the ladder measured the budget met by vector-int8 (p50 400."), note);
        assertTrue(note.endsWith(": the rung that would meet it is vector-int8."), note);

        QueryBackend chosen = new QueryBackend(new SearchRung("vector-int8", k, true), "chosen", ladder, recall);
        assertTrue(QueryLadder.violationNote(chosen, violated).orElseThrow()
                .contains("this rung met it in the ladder's real calls, so the run's own calls were slower"));
        assertTrue(QueryLadder.violationNote(chosen, budget.evaluate(int8)).isEmpty(), "met: nothing to say");

        dev.budget4j.profile.Ladder.Result<float[], List<Hit>> none = new dev.budget4j.profile.Ladder.Result<>(
                List.of(vector), java.util.Optional.empty(), budget, true, List.of());
        assertTrue(QueryLadder.violationNote(new QueryBackend(SearchRung.floats(k), "x", none, recall), violated)
                .orElseThrow().endsWith("No rung met the budget in situ either; the closest was vector (p50 1.22 ms)."));
    }
}
