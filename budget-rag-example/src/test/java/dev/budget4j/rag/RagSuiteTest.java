package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.profile.BudgetFile;
import dev.budget4j.profile.Harness;
import dev.budget4j.profile.StageBaseline;
import dev.budget4j.profile.StageSuite;
import dev.budget4j.profile.SuiteStage;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The gate suite in this JVM: its stages, their budgets and inputs, and each stage measured on a few calls. */
class RagSuiteTest {
    private static final Harness TINY = Harness.builder().warmupIterations(5).iterations(10).rounds(2).inputPoolSize(4)
            .build();

    @Test
    void listsTheHotStagesWithTheirBudgets() {
        List<SuiteStage<?>> stages = new RagSuite().stages();
        assertEquals(RagSuite.STAGES, stages.stream().map(SuiteStage::name).toList());
        BudgetFile budgets = Shipped.budgets();
        for (SuiteStage<?> s : stages) {
            assertEquals(budgets.budget(s.name()), s.budget().orElseThrow(), s.name());
        }
    }

    @Test
    void aBudgetIsOverriddenLikeAnyBudgetedStages() {
        String key = "budget4j.budget.query.search";
        String before = System.getProperty(key);
        System.setProperty(key, "p50<=5ms");
        try {
            SuiteStage<?> search = new RagSuite().stages().get(2);
            assertEquals(Budget.parse("p50<=5ms"), search.budget().orElseThrow());
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    @Test
    void isRegisteredForServiceLoader() {
        assertTrue(ServiceLoader.load(StageSuite.class).stream().anyMatch(p -> p.type() == RagSuite.class));
    }

    @Test
    void everyStageRunsOnItsInputsAndGivesOneFork() {
        for (SuiteStage<?> s : new RagSuite().stages()) {
            StageBaseline b = s.measure(TINY);
            assertEquals(s.name(), b.stage());
            assertEquals(20, b.snapshot().calls(), s.name());
            assertEquals(0, b.snapshot().failures(), s.name());
            assertEquals(1, b.forkCount(), s.name());
        }
    }

    @Test
    void chunkIsThePipelinesChunkerOnCleanedEuroparl() {
        SplittableRandom r = new SplittableRandom(7);
        CleanDoc doc = Cleaner.clean(SuiteDocs.any(r));
        assertTrue(doc.id().startsWith("europarl-"), doc.id());
        @SuppressWarnings("unchecked")
        SuiteStage<CleanDoc> chunk = (SuiteStage<CleanDoc>) new RagSuite().stages().get(1);
        assertEquals(Chunking.chunk(doc, 300, 30), chunk.stage().apply(doc));
    }

    @Test
    void theIndexHasTheDefaultRunsSizeAndUnitRows() {
        VectorIndex index = SyntheticIndex.get();
        assertEquals(8_825, index.size());
        assertEquals(384, index.dimension());
        for (int row : new int[] {0, 4_000, 8_824}) {
            double norm = 0;
            for (float x : index.rows().row(row)) {
                norm += x * x;
            }
            assertEquals(1.0, norm, 1e-4, "row " + row);
        }
    }

    @Test
    void theIndexIsTheSameInEveryJvmAndAQueryFindsItsRow() {
        VectorIndex a = SyntheticIndex.build(50, 16, SyntheticIndex.SEED);
        VectorIndex b = SyntheticIndex.build(50, 16, SyntheticIndex.SEED);
        assertArrayEquals(a.rows().data(), b.rows().data());
        assertFalse(java.util.Arrays.equals(a.rows().data(), SyntheticIndex.build(50, 16, 1).rows().data()));

        SplittableRandom r = new SplittableRandom(3);
        float[] q = SyntheticIndex.query(r);
        List<Hit> hits = SyntheticIndex.get().search(q, 5, Kernels.java());
        assertEquals(5, hits.size());
        // the query is a row plus noise of the row's size: that row scores far above the rest (cosine ~0.7 vs ~0.05)
        int row = new SplittableRandom(3).nextInt(SyntheticIndex.ROWS);
        assertEquals(row, hits.get(0).row());
        assertTrue(hits.get(0).score() > 0.5 && hits.get(1).score() < 0.4, hits.toString());
    }
}
