package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Verdict math on a manual ticker: every latency is exactly what the stage says it is. */
class BudgetedStageTest {
    private final ManualTicker ticker = new ManualTicker();

    /** A stage whose call takes {@code input} milliseconds and fails on negative input. */
    private Stage<Integer, Integer> sleeper() {
        return Stage.of("sleeper", (Integer ms) -> {
            ticker.advance(Duration.ofMillis(Math.abs(ms)));
            if (ms < 0) {
                throw new IllegalArgumentException("negative " + ms);
            }
            return ms;
        });
    }

    private BudgetedStage<Integer, Integer> budgeted(String budget) {
        return Budgets.budgeted(sleeper()).budget(Budget.parse(budget)).ticker(ticker).build();
    }

    @Test
    void percentilesComeFromTheRecordedLatencies() {
        BudgetedStage<Integer, Integer> stage = budgeted("p50<=50ms p99<=99ms max<=100ms");
        for (int ms = 1; ms <= 100; ms++) {
            stage.apply(ms);
        }
        StageSnapshot s = stage.snapshot();
        assertEquals(100, s.calls());
        assertEquals(50, Math.round(s.percentileNanos(50) / 1e6));
        assertEquals(99, Math.round(s.percentileNanos(99) / 1e6));
        assertEquals(100, Math.round(s.maxNanos() / 1e6));
        assertEquals(Duration.ofMillis(5050).toNanos(), s.elapsedNanos());
        assertEquals(100 / 5.05, s.throughputPerSecond(), 1e-9);
        Verdict v = stage.verdict();
        // HdrHistogram reports the top of a bucket: 50 ms reads as 50.01 ms at 3 significant digits.
        assertEquals(Outcome.VIOLATED, v.outcome(), v.toTable());
        assertEquals(List.of("p50", "p99", "max"),
                v.violations().stream().map(x -> x.dimension().label()).toList());
    }

    @Test
    void metWhenEveryDimensionIsWithinItsLimit() {
        BudgetedStage<Integer, Integer> stage = budgeted("p50<=51ms p99<=100ms max<=101ms throughput>=19/s");
        for (int ms = 1; ms <= 100; ms++) {
            stage.apply(ms);
        }
        Verdict v = stage.verdict();
        assertEquals(Outcome.MET, v.outcome(), v.toTable());
        v.assertMet();
        assertFalse(v.overridden());
    }

    @Test
    void tooFewSamplesForAPercentileIsInconclusiveNotAPass() {
        BudgetedStage<Integer, Integer> stage = budgeted("p99<=1s p50<=1s");
        for (int i = 0; i < 99; i++) {
            stage.apply(1);
        }
        Verdict v = stage.verdict();
        assertEquals(Outcome.INCONCLUSIVE, v.outcome());
        assertEquals(Outcome.INCONCLUSIVE, v.checks().get(0).outcome());
        assertEquals("needs >= 100 calls", v.checks().get(0).note());
        assertEquals(Outcome.MET, v.checks().get(1).outcome());
        AssertionError e = assertThrows(AssertionError.class, v::assertMet);
        assertTrue(e.getMessage().contains("INCONCLUSIVE"), e.getMessage());
        stage.apply(1);
        assertEquals(Outcome.MET, stage.verdict().outcome());
    }

    @Test
    void noCallsIsInconclusive() {
        assertEquals(Outcome.INCONCLUSIVE, budgeted("max<=1s errors<=1% throughput>=1/s").verdict().outcome());
    }

    @Test
    void failuresAreCountedAndTimed() {
        BudgetedStage<Integer, Integer> stage = budgeted("errors<=10% max<=20ms");
        for (int i = 0; i < 8; i++) {
            stage.apply(1);
        }
        assertThrows(IllegalArgumentException.class, () -> stage.apply(-30));
        assertThrows(IllegalArgumentException.class, () -> stage.apply(-2));
        StageSnapshot s = stage.snapshot();
        assertEquals(10, s.calls());
        assertEquals(2, s.failures());
        assertEquals(8, s.successes());
        assertEquals(0.2, s.errorRate());
        assertEquals(30, Math.round(s.maxNanos() / 1e6), "the failed call's latency is recorded");
        Verdict v = stage.verdict();
        assertEquals(2, v.violations().size(), v.toTable());
        AssertionError e = assertThrows(AssertionError.class, v::assertMet);
        assertTrue(e.getMessage().contains("errors<=10%"), e.getMessage());
        assertTrue(e.getMessage().contains("20%"), e.getMessage());
    }

    @Test
    void intervalSnapshotsStartAfreshEachTime() {
        BudgetedStage<Integer, Integer> stage = budgeted("max<=1s");
        stage.apply(5);
        stage.apply(7);
        assertEquals(2, stage.intervalSnapshot().calls());
        stage.apply(9);
        StageSnapshot second = stage.intervalSnapshot();
        assertEquals(1, second.calls());
        assertEquals(9, Math.round(second.maxNanos() / 1e6));
        assertEquals(0, stage.intervalSnapshot().calls());
        assertEquals(3, stage.snapshot().calls(), "interval snapshots do not consume the totals");
    }

    @Test
    void throwModeThrowsAfterACallThatBreachesMax() {
        List<Violation> seen = new ArrayList<>();
        BudgetedStage<Integer, Integer> stage = Budgets.budgeted(sleeper()).budget(Budget.parse("max<=10ms"))
                .ticker(ticker).enforcement(Enforcement.THROW).listener(seen::add).build();
        assertEquals(5, stage.apply(5));
        BudgetExceededException e = assertThrows(BudgetExceededException.class, () -> stage.apply(11));
        assertEquals(1, e.violations().size());
        assertEquals(Dimension.MAX, e.violations().get(0).dimension());
        assertEquals(11e6, e.violations().get(0).observed());
        assertEquals(2, stage.snapshot().calls(), "the breaching call is recorded too");
        assertEquals(1, seen.size());
    }

    /**
     * What {@link BudgetedStage}'s javadoc promises in each mode: the stage always runs; its result
     * comes back unless the mode is THROW and the call missed the budget.
     */
    @ParameterizedTest
    @EnumSource(Enforcement.class)
    void aCallThatMissesTheBudgetReturnsTheStagesResultUnlessTheModeIsThrow(Enforcement mode) {
        AtomicInteger ran = new AtomicInteger();
        BudgetedStage<Integer, Integer> stage = Budgets.budgeted(Stage.of("s", (Integer ms) -> {
            ran.incrementAndGet();
            ticker.advance(Duration.ofMillis(ms));
            return ms;
        })).budget(Budget.parse("max<=5ms")).ticker(ticker).enforcement(mode).build();
        if (mode == Enforcement.THROW) {
            assertThrows(BudgetExceededException.class, () -> stage.apply(9), "the result is discarded");
        } else {
            assertEquals(9, stage.apply(9));
        }
        assertEquals(1, ran.get(), "the stage ran once in every mode");
        assertEquals(1, stage.snapshot().calls());
    }

    @Test
    void throwModeKeepsTheStagesOwnException() {
        BudgetedStage<Integer, Integer> stage = Budgets.budgeted(sleeper()).budget(Budget.parse("max<=10ms"))
                .ticker(ticker).enforcement(Enforcement.THROW).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stage.apply(-50));
        assertEquals("negative -50", e.getMessage());
    }

    @Test
    void throwModeChecksPercentilesWhenAWindowCloses() {
        BudgetedStage<Integer, Integer> stage = Budgets.budgeted(sleeper()).budget(Budget.parse("p50<=5ms"))
                .ticker(ticker).enforcement(Enforcement.THROW).windowCalls(10).window(Duration.ofHours(1)).build();
        for (int i = 0; i < 9; i++) {
            stage.apply(i < 4 ? 1 : 8);
        }
        BudgetExceededException e = assertThrows(BudgetExceededException.class, () -> stage.apply(8));
        assertEquals("p50", e.violations().get(0).dimension().label());
        assertEquals(10, e.violations().get(0).samples());
        for (int i = 0; i < 9; i++) {
            stage.apply(1);
        }
        assertEquals(1, stage.apply(1), "the next window is within budget");
    }

    @Test
    void windowsAlsoCloseByTime() {
        List<Violation> seen = new ArrayList<>();
        BudgetedStage<Integer, Integer> stage = Budgets.budgeted(sleeper()).budget(Budget.parse("p50<=5ms"))
                .ticker(ticker).enforcement(Enforcement.LOG).window(Duration.ofMillis(100)).listener(seen::add)
                .build();
        for (int i = 0; i < 12; i++) {
            stage.apply(9);
        }
        assertEquals(1, seen.size(), "one window of 108 ms closed");
        assertEquals("p50", seen.get(0).dimension().label());
    }

    @Test
    void aWindowClosedByTimeStillCountsItsCall() {
        List<Violation> seen = new ArrayList<>();
        BudgetedStage<Integer, Integer> stage = Budgets.budgeted(sleeper()).budget(Budget.parse("p50<=1ms"))
                .ticker(ticker).enforcement(Enforcement.LOG).window(Duration.ofMillis(100)).windowCalls(4)
                .listener(seen::add).build();
        for (int i = 0; i < 5; i++) {
            stage.apply(30);
        }
        assertEquals(1, seen.size(), "the fourth call closed the window by time and by count at once");
        for (int i = 0; i < 3; i++) {
            stage.apply(30);
        }
        assertEquals(2, seen.size(), "the eighth call closes the next window by count");
    }

    @Test
    void logModeReportsEachDimensionAtMostOncePerWindow() {
        List<Violation> seen = new ArrayList<>();
        BudgetedStage<Integer, Integer> stage = Budgets.budgeted(sleeper()).budget(Budget.parse("max<=1ms"))
                .ticker(ticker).enforcement(Enforcement.LOG).window(Duration.ofMillis(50)).listener(seen::add)
                .build();
        for (int i = 0; i < 10; i++) {
            assertEquals(2, stage.apply(2), "LOG never changes what the stage returns");
        }
        assertEquals(1, seen.size());
        for (int i = 0; i < 40; i++) {
            stage.apply(2);
        }
        assertEquals(2, seen.size(), "a new window reports again: " + seen);
    }

    @Test
    void listenerFailuresDoNotReachTheCaller() {
        BudgetedStage<Integer, Integer> stage = Budgets.budgeted(sleeper()).budget(Budget.parse("max<=1ms"))
                .ticker(ticker).enforcement(Enforcement.LOG).listener(v -> {
                    throw new IllegalStateException("listener bug");
                }).build();
        assertEquals(3, stage.apply(3));
    }

    @Test
    void recordModeNeverThrowsForTheBudget() {
        BudgetedStage<Integer, Integer> stage = budgeted("max<=1ms");
        assertEquals(30, stage.apply(30));
        assertEquals(Outcome.VIOLATED, stage.verdict().outcome());
    }

    @Test
    void allocationIsMeasuredPerCall() {
        Stage<Integer, long[]> allocate = Stage.of("allocate", (Integer n) -> new long[n]);
        BudgetedStage<Integer, long[]> stage = Budgets.budgeted(allocate).budget(Budget.parse("alloc<=1KiB")).build();
        for (int i = 0; i < 200; i++) {
            stage.apply(1024);
        }
        double perCall = stage.snapshot().allocatedBytesPerCall();
        assertTrue(perCall >= 8 * 1024 && perCall < 8 * 1024 + 512, "per call " + perCall);
        assertEquals(Outcome.VIOLATED, stage.verdict().outcome());
    }

    @Test
    void allocationTrackingCanBeSwitchedOff() {
        BudgetedStage<Integer, Integer> stage = Budgets.budgeted(sleeper()).budget(Budget.parse("alloc<=1KiB"))
                .trackAllocation(false).ticker(ticker).build();
        stage.apply(1);
        assertTrue(stage.snapshot().allocatedBytes().isEmpty());
        assertEquals("allocation not measured: not tracked, or calls ran on virtual threads",
                stage.verdict().checks().get(0).note());
    }

    @Test
    void allocationOnVirtualThreadsIsUnknownNeverZero() throws Exception {
        Stage<Integer, long[]> allocate = Stage.of("allocate", (Integer n) -> new long[n]);
        BudgetedStage<Integer, long[]> stage = Budgets.budgeted(allocate).budget(Budget.parse("alloc<=1KiB")).build();
        long[] counterOnVirtualThread = new long[1];
        Thread.ofVirtual().start(() -> {
            counterOnVirtualThread[0] = ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
                    .getThreadMXBean()).getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 50; i++) {
                stage.apply(1024);
            }
        }).join();
        if (counterOnVirtualThread[0] < 0) {
            // HotSpot does not count a virtual thread's allocation: the stage must say so, not report 0 B
            assertTrue(stage.snapshot().allocatedBytes().isEmpty());
            Check check = stage.verdict().checks().get(0);
            assertEquals(Outcome.INCONCLUSIVE, check.outcome());
            assertTrue(check.note().contains("virtual threads"), check.note());
            stage.apply(1024); // one measured call on this platform thread does not make the total known
            assertTrue(stage.snapshot().allocatedBytes().isEmpty());
        } else {
            // a JVM that counts it: the 8 KiB arrays are there
            assertTrue(stage.snapshot().allocatedBytesPerCall() >= 8 * 1024);
            assertEquals(Outcome.VIOLATED, stage.verdict().outcome());
        }
    }

    @Test
    void rssBudgetWithoutAProbeNamesTheModuleToAdd() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> budgeted("rss<=1GiB"));
        assertTrue(e.getMessage().contains("dev.budget4j:budget-profile"), e.getMessage());
    }

    @Test
    void cacheHitRateNeedsAMemoizedStage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> budgeted("cacheHitRate>=0.5"));
        assertEquals("budget dimension cacheHitRate needs a stage built by Stages.memoize, but stage 'sleeper' is"
                + " not memoized", e.getMessage());
    }

    @Test
    void cacheHitRateIsADimensionOfMemoizedStages() {
        MemoizedStage<Integer, Integer> memo = Stages.memoize(sleeper(), Function.identity(), 10);
        BudgetedStage<Integer, Integer> stage = Budgets.budgeted(memo).budget(Budget.parse("cacheHitRate>=0.8"))
                .ticker(ticker).build();
        for (int i = 0; i < 10; i++) {
            stage.apply(i % 2);
        }
        Check check = stage.verdict().checks().get(0);
        assertEquals(0.8, check.observed());
        assertEquals(Outcome.MET, check.outcome());
        stage.apply(7);
        assertEquals(Outcome.VIOLATED, stage.verdict().outcome());
    }

    @Test
    void systemPropertyOverridesTheBudgetAndTheVerdictSaysSo() {
        String key = "budget4j.budget.overridden-stage";
        System.setProperty(key, "max<=1ms");
        try {
            BudgetedStage<Integer, Integer> stage = Budgets.budgeted(sleeper().withName("overridden-stage"))
                    .budget(Budget.parse("max<=1s")).ticker(ticker).build();
            stage.apply(5);
            Verdict v = stage.verdict();
            assertEquals(Budget.parse("max<=1ms"), stage.budget());
            assertEquals(Outcome.VIOLATED, v.outcome());
            assertTrue(v.overridden());
            assertEquals("system property " + key, v.overrideSource().orElseThrow());
            assertTrue(v.toTable().contains("overridden by system property " + key), v.toTable());
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void pipelinesReportATreeOfBudgetedStages() {
        Stage<Integer, Integer> first = Budgets.budgeted(sleeper().withName("first"))
                .budget(Budget.parse("max<=10ms")).ticker(ticker).build();
        Stage<Integer, Integer> second = Budgets.budgeted(Stage.of("second", (Integer x) -> {
            ticker.advance(Duration.ofMillis(3));
            return x + 1;
        })).budget(Budget.parse("max<=2ms")).ticker(ticker).build();
        BudgetedStage<Integer, Integer> pipeline = Budgets.budgeted(first.andThen(second).withName("both"))
                .budget(Budget.parse("max<=20ms")).ticker(ticker).build();
        assertEquals(5, pipeline.apply(4));
        StageReport report = pipeline.report();
        assertEquals("both", report.name());
        assertEquals(7, Math.round(report.snapshot().maxNanos() / 1e6));
        assertEquals(List.of("first", "second"), report.children().stream().map(StageReport::name).toList());
        assertEquals(Outcome.MET, report.verdict().outcome());
        assertEquals(Outcome.VIOLATED, report.children().get(1).verdict().outcome());
        String tree = report.toString();
        assertTrue(tree.startsWith("both"), tree);
        assertTrue(tree.contains("├─ first"), tree);
        assertTrue(tree.contains("└─ second"), tree);
    }

    @Test
    void builderSettingsAreSetOnce() {
        Budgets.Builder<Integer, Integer> b = Budgets.budgeted(sleeper()).budget(Budget.parse("max<=1s"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.budget(Budget.parse("max<=2s")));
        assertEquals("budget must be set once, but was already set to max<=1s", e.getMessage());
        assertThrows(IllegalStateException.class, () -> Budgets.budgeted(sleeper()).build());
        assertThrows(IllegalArgumentException.class, () -> b.windowCalls(0));
        assertThrows(IllegalArgumentException.class, () -> b.window(Duration.ZERO));
    }
}
