package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.spi.MemoryProbe;
import dev.budget4j.spi.RssWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link BudgetedStage#close()} releases, and what a closed stage still does. */
class CloseTest {
    private final ManualTicker ticker = new ManualTicker();
    private final CountingProbe probe = new CountingProbe();

    private BudgetedStage<Integer, Integer> stage(String name, String budget) {
        Stage<Integer, Integer> s = Stage.of(name, (Integer ms) -> {
            ticker.advance(Duration.ofMillis(ms));
            return ms;
        });
        return Budgets.budgeted(s).budget(Budget.parse(budget)).ticker(ticker).memoryProbe(probe).build();
    }

    @Test
    void closeClosesTheRssWindowOnce() {
        BudgetedStage<Integer, Integer> stage = stage("s", "rss<=1GiB");
        assertEquals(1, probe.open());
        stage.close();
        assertEquals(0, probe.open());
        stage.close();
        assertEquals(1, probe.windows.get(0).closings, "close is idempotent");
    }

    @Test
    void aStageWithoutAnRssBudgetOpensNoWindow() {
        stage("s", "max<=1s").close();
        assertEquals(0, probe.windows.size());
    }

    @Test
    void callsAfterClosePassThroughUnrecordedAndReadsKeepWorking() {
        BudgetedStage<Integer, Integer> stage = stage("s", "max<=5ms rss<=1GiB");
        stage.apply(3);
        probe.rss = 700;
        stage.close();
        probe.rss = 900;
        assertEquals(9, stage.apply(9), "a closed stage still returns what the stage does");
        StageSnapshot s = stage.snapshot();
        assertEquals(1, s.calls(), "calls after close are not recorded");
        assertEquals(700, s.peakRssBytes().orElseThrow(), "RSS figures stay as they were at closing");
        assertEquals(Outcome.MET, stage.verdict().outcome(), "nor checked: 9 ms would miss max<=5ms");
        assertEquals(1, stage.report().snapshot().calls());
    }

    @Test
    void aClosedThrowModeStageNoLongerThrowsForTheBudget() {
        BudgetedStage<Integer, Integer> stage = Budgets.budgeted(Stage.of("s", (Integer ms) -> {
            ticker.advance(Duration.ofMillis(ms));
            return ms;
        })).budget(Budget.parse("max<=5ms")).ticker(ticker).enforcement(Enforcement.THROW).build();
        assertThrows(BudgetExceededException.class, () -> stage.apply(9));
        stage.close();
        assertEquals(9, stage.apply(9));
    }

    @Test
    void closingABudgetedPipelineClosesTheBudgetedStagesInside() {
        BudgetedStage<Integer, Integer> first = stage("first", "rss<=1GiB");
        BudgetedStage<Integer, Integer> second = stage("second", "rssGrowth<=1GiB");
        Stage<Integer, Integer> memo = Stages.memoize(second, x -> x, 10);
        BudgetedStage<Integer, Integer> pipeline = Budgets.budgeted(first.andThen(memo).withName("both"))
                .budget(Budget.parse("rss<=1GiB")).memoryProbe(probe).build();
        assertEquals(3, probe.open());
        pipeline.close();
        assertEquals(0, probe.open());
        first.apply(1);
        assertEquals(0, first.snapshot().calls(), "the inner stage is closed too");
    }

    @Test
    void aFailingWindowDoesNotKeepTheInnerStagesOpen() {
        BudgetedStage<Integer, Integer> inner = stage("inner", "rss<=1GiB");
        BudgetedStage<Integer, Integer> outer = Budgets.budgeted(inner.withName("outer"))
                .budget(Budget.parse("rss<=1GiB")).memoryProbe(probe).build();
        IllegalStateException broken = new IllegalStateException("probe gone");
        probe.windows.get(1).failure = broken;
        assertSame(broken, assertThrows(IllegalStateException.class, outer::close));
        assertEquals(1, probe.windows.get(0).closings, "the inner stage's window was closed anyway");
    }

    @Test
    void theProbeIsSetOnce() {
        Budgets.Builder<Integer, Integer> b = Budgets.budgeted(Stage.of("s", (Integer x) -> x)).memoryProbe(probe);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.memoryProbe(probe));
        assertTrue(e.getMessage().startsWith("memoryProbe must be set once, but was already set to "), e.getMessage());
        assertThrows(NullPointerException.class, () -> Budgets.budgeted(Stage.of("s", (Integer x) -> x)).memoryProbe(null));
    }

    /** A probe that counts its windows; RSS is whatever the test sets. */
    private static final class CountingProbe implements MemoryProbe {
        final List<Window> windows = new ArrayList<>();
        long rss = 500;

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public long currentRssBytes() {
            return rss;
        }

        @Override
        public RssWindow openWindow() {
            Window w = new Window(this, rss);
            windows.add(w);
            return w;
        }

        long open() {
            return windows.stream().filter(w -> w.closings == 0).count();
        }
    }

    private static final class Window implements RssWindow {
        private final CountingProbe probe;
        private final long start;
        private long peak;
        int closings;
        RuntimeException failure;

        Window(CountingProbe probe, long start) {
            this.probe = probe;
            this.start = start;
            this.peak = start;
        }

        @Override
        public long startRssBytes() {
            return start;
        }

        @Override
        public long peakRssBytes() {
            return closings > 0 ? peak : Math.max(peak, probe.rss);
        }

        @Override
        public void close() {
            if (closings++ == 0) {
                peak = Math.max(peak, probe.rss);
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
