package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Dimension;
import dev.budget4j.Outcome;
import dev.budget4j.Stage;
import dev.budget4j.StageSnapshot;
import dev.budget4j.spi.RssWindow;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real run's calls cut into rounds become a baseline by the same rule as a harness's rounds:
 * every recorded dimension's per-round values are {@link StageSnapshot#value} of each round.
 */
class RoundsTest {
    static BudgetedStage<Integer, Integer> square(Budget budget) {
        return Budgets.budgeted(Stage.of("square", (Integer i) -> i * i)).budget(budget).trackAllocation(true).build();
    }

    @Test
    void aPassOfCallsIsCutIntoEqualRoundsThatAddUpToItsCalls() {
        BudgetedStage<Integer, Integer> stage = square(Budget.parse("p50<=1s"));
        Rounds rounds = Rounds.of(stage);
        for (int i = 0; i < 23; i++) {
            stage.apply(i);
            rounds.cutAt(i + 1, 23);
        }
        assertEquals(List.of(5L, 5L, 5L, 5L, 3L), rounds.rounds().stream().map(StageSnapshot::calls).toList());
        rounds.cut(); // no calls since the last cut: no round
        assertEquals(5, rounds.rounds().size());
        stage.apply(7);
        StageBaseline b = rounds.toBaseline(); // the call since the last cut is a last round
        assertEquals(24, b.snapshot().calls());
        assertEquals(6, b.perRound(Dimension.percentile(50)).length);
        assertEquals(Budget.parse("p50<=1s"), b.budget().orElseThrow());
        assertEquals(Outcome.MET, b.verdict().orElseThrow().outcome());
        assertThrows(IllegalArgumentException.class, () -> rounds.cutAt(0, 5));
        assertThrows(IllegalArgumentException.class, () -> Rounds.of(stage, 0));
    }

    @Test
    void everyRecordedDimensionOfARoundIsItsSnapshotValueForRealRunsAndHarnessRunsAlike() {
        BudgetedStage<Integer, Integer> stage = square(Budget.parse("p99<=1s alloc<=1MiB"));
        Rounds rounds = Rounds.of(stage, 3);
        for (int i = 0; i < 300; i++) {
            stage.apply(i);
            rounds.cutAt(i + 1, 300);
        }
        List<StageSnapshot> cut = rounds.rounds();
        StageBaseline real = rounds.toBaseline();
        HarnessResult harness = Harness.builder().warmupIterations(10).iterations(100).rounds(3).build()
                .run(Stage.of("square", (Integer i) -> i * i), r -> r.nextInt(1000));
        StageBaseline measured = StageBaseline.of(harness, null);
        for (Dimension d : StageBaseline.RECORDED) {
            double[] expected = cut.stream().mapToDouble(r -> r.value(d)).toArray();
            if (d.kind() == Dimension.Kind.RSS) {
                assertTrue(Arrays.stream(real.perRound(d)).allMatch(Double::isNaN), "no probe: " + d);
                continue;
            }
            assertArrayEquals(expected, real.perRound(d), 0.0, d.label());
            assertArrayEquals(harness.perRound(d), measured.perRound(d), 0.0, d.label());
            assertArrayEquals(harness.rounds().stream().mapToDouble(r -> r.value(d)).toArray(), measured.perRound(d), 0.0,
                    d.label());
        }
    }

    @Test
    void theWindowAStageRanInGivesItsPeakRssWhenItMeasuredNone() {
        BudgetedStage<Integer, Integer> stage = square(Budget.parse("p99<=1s"));
        Rounds rounds = Rounds.of(stage);
        for (int i = 0; i < 10; i++) {
            stage.apply(i);
            rounds.cutAt(i + 1, 10);
        }
        RssWindow window = new RssWindow() {
            @Override
            public long startRssBytes() {
                return 1_000;
            }

            @Override
            public long peakRssBytes() {
                return 5_000;
            }

            @Override
            public void close() {
            }
        };
        StageBaseline b = rounds.toBaseline(window);
        assertEquals(5_000, b.snapshot().peakRssBytes().orElseThrow());
        assertEquals(4_000, b.snapshot().rssGrowthBytes().orElseThrow());
        assertArrayEquals(new double[] {5_000}, b.perRound(Dimension.RSS), "one window, one value");
        assertEquals(5, b.perRound(Dimension.percentile(50)).length);
    }
}
