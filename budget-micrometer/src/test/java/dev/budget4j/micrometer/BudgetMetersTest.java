package dev.budget4j.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.ManualTicker;
import dev.budget4j.Stage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BudgetMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ManualTicker ticker = new ManualTicker();

    /** A stage whose every call takes {@code latency} on the manual ticker; negative input throws. */
    private BudgetedStage<Long, Long> stage(String name, String budget, Duration latency) {
        Stage<Long, Long> work = Stage.of(name, (Long x) -> {
            ticker.advance(latency);
            if (x < 0) {
                throw new IllegalArgumentException("negative");
            }
            return x + 1;
        });
        return Budgets.budgeted(work).budget(Budget.parse(budget)).ticker(ticker).build();
    }

    private static StageMeters manual(BudgetedStage<?, ?> stage, SimpleMeterRegistry registry) {
        return BudgetMeters.builder(stage).refreshEvery(Duration.ZERO).bindTo(registry);
    }

    private double gauge(String name, String stage, String dimension) {
        Gauge gauge = registry.find(name).tag("stage", stage).tag("dimension", dimension).gauge();
        assertNotNull(gauge, name + "{stage=" + stage + ",dimension=" + dimension + "}");
        return gauge.value();
    }

    @Test
    void publishesLatencyCallsAndFailuresOnRefresh() {
        BudgetedStage<Long, Long> stage = stage("tokenize", "p50<=1ms p99<=5ms errors<=10%", Duration.ofMillis(2));
        StageMeters meters = manual(stage, registry);
        for (long i = 0; i < 100; i++) {
            try {
                stage.apply(i % 10 == 0 ? -1 : i);
            } catch (IllegalArgumentException expected) {
                // every tenth call fails
            }
        }
        Timer timer = registry.get("budget4j.stage.latency").tag("stage", "tokenize").timer();
        assertEquals(0, timer.count(), "nothing is published before a refresh");

        assertEquals(100, meters.refresh());
        assertEquals(100, timer.count());
        assertEquals(100 * 2e-3, timer.totalTime(TimeUnit.SECONDS), 100 * 2e-3 * 1e-3, "within 0.1%");
        assertEquals(100, registry.get("budget4j.stage.calls").tag("stage", "tokenize").counter().count());
        assertEquals(10, registry.get("budget4j.stage.failures").tag("stage", "tokenize").counter().count());
        assertEquals(0, meters.refresh(), "a second refresh has nothing new");
        assertEquals(100, timer.count());
    }

    @Test
    void eachRefreshPublishesOnlyTheNewCallsAboveAndBelowEarlierOnes() {
        BudgetedStage<Long, Long> stage = Budgets.budgeted(Stage.of("mixed", (Long micros) -> {
            ticker.advanceNanos(micros * 1000);
            return micros;
        })).budget(Budget.parse("p99<=5ms")).ticker(ticker).build();
        StageMeters meters = manual(stage, registry);
        Timer timer = registry.get("budget4j.stage.latency").timer();
        for (int i = 0; i < 10; i++) {
            stage.apply(1000L);
        }
        assertEquals(10, meters.refresh());
        for (int i = 0; i < 3; i++) {
            stage.apply(50_000L); // above anything published before
            stage.apply(500L);    // below
            stage.apply(1000L);   // the same as before
        }
        assertEquals(9, meters.refresh());
        assertEquals(19, timer.count());
        assertEquals(50.0, timer.max(TimeUnit.MILLISECONDS), 0.05);
        double millis = 13 * 1.0 + 3 * 50.0 + 3 * 0.5;
        assertEquals(millis, timer.totalTime(TimeUnit.MILLISECONDS), millis * 1e-3);
    }

    @Test
    void theTimerPublishesTheBudgetsPercentilesAndItsLimitsAsObjectives() {
        BudgetedStage<Long, Long> stage = stage("embed", "p50<=1ms p99.9<=5ms max<=20ms", Duration.ofMillis(2));
        StageMeters meters = manual(stage, registry);
        for (long i = 0; i < 10; i++) {
            stage.apply(i);
        }
        meters.refresh();
        HistogramSnapshot snapshot = registry.get("budget4j.stage.latency").timer().takeSnapshot();
        double[] percentiles = Arrays.stream(snapshot.percentileValues()).mapToDouble(ValueAtPercentile::percentile)
                .toArray();
        assertEquals("[0.5, 0.999]", Arrays.toString(percentiles));
        double[] boundaries = Arrays.stream(snapshot.histogramCounts()).mapToDouble(b -> b.bucket(TimeUnit.MILLISECONDS))
                .toArray();
        for (double limit : new double[] {1, 5, 20, 40}) {
            assertTrue(Arrays.stream(boundaries).anyMatch(b -> b == limit),
                    "bucket boundary at " + limit + " ms (the limits, and twice the largest): " + Arrays.toString(boundaries));
        }
        CountAtBucket atOneMs = Arrays.stream(snapshot.histogramCounts())
                .filter(b -> b.bucket(TimeUnit.MILLISECONDS) == 1).findFirst().orElseThrow();
        assertEquals(0, atOneMs.count(), "every call took 2 ms");
    }

    @Test
    void percentilesCanBeLeftOut() {
        BudgetedStage<Long, Long> stage = stage("nopct", "p50<=1ms p99<=5ms", Duration.ofMillis(2));
        StageMeters meters = BudgetMeters.builder(stage).percentiles(false).refreshEvery(Duration.ZERO)
                .bindTo(registry);
        stage.apply(1L);
        meters.refresh();
        HistogramSnapshot snapshot = registry.get("budget4j.stage.latency").timer().takeSnapshot();
        assertEquals(0, snapshot.percentileValues().length);
        assertTrue(snapshot.histogramCounts().length > 0, "the buckets stay");
    }

    @Test
    void limitGaugesAreInBaseUnits() {
        BudgetedStage<Long, Long> stage = Budgets.budgetedStage("units", (Long x) -> x,
                Budget.parse("p99<=5ms max<=2s throughput>=5000/s errors<=0.1% alloc<=4KiB"));
        manual(stage, registry);
        assertEquals(0.005, gauge("budget4j.budget.limit", "units", "p99"));
        assertEquals(2.0, gauge("budget4j.budget.limit", "units", "max"));
        assertEquals(5000.0, gauge("budget4j.budget.limit", "units", "throughput"));
        assertEquals(0.001, gauge("budget4j.budget.limit", "units", "errors"));
        assertEquals(4096.0, gauge("budget4j.budget.limit", "units", "alloc"));
    }

    @Test
    void metGaugesFlipToZeroWhenTheBudgetIsViolated() {
        BudgetedStage<Long, Long> stage = stage("rank", "p99<=1ms errors<=1%", Duration.ofMillis(2)
                .dividedBy(4));
        StageMeters meters = manual(stage, registry);
        assertTrue(Double.isNaN(gauge("budget4j.budget.met", "rank", "p99")), "NaN before the first refresh");

        for (long i = 0; i < 50; i++) {
            stage.apply(i);
        }
        meters.refresh();
        assertTrue(Double.isNaN(gauge("budget4j.budget.met", "rank", "p99")), "p99 needs 100 calls: inconclusive");
        assertEquals(1.0, gauge("budget4j.budget.met", "rank", "errors"));

        for (long i = 0; i < 150; i++) {
            stage.apply(i);
        }
        meters.refresh();
        assertEquals(1.0, gauge("budget4j.budget.met", "rank", "p99"));

        BudgetedStage<Long, Long> slow = stage("slow", "p99<=1ms errors<=1%", Duration.ofMillis(3));
        StageMeters slowMeters = manual(slow, registry);
        for (long i = 0; i < 200; i++) {
            try {
                slow.apply(i % 20 == 0 ? -1 : i);
            } catch (IllegalArgumentException expected) {
                // 5% fail
            }
        }
        slowMeters.refresh();
        assertEquals(0.0, gauge("budget4j.budget.met", "slow", "p99"));
        assertEquals(0.0, gauge("budget4j.budget.met", "slow", "errors"));
        assertEquals(1.0, gauge("budget4j.budget.met", "rank", "p99"), "the other stage is unaffected");
    }

    @Test
    void theFirstRefreshPublishesCallsMadeBeforeTheBinding() {
        BudgetedStage<Long, Long> stage = stage("early", "p99<=5ms", Duration.ofMillis(1));
        for (long i = 0; i < 25; i++) {
            stage.apply(i);
        }
        StageMeters meters = manual(stage, registry);
        assertEquals(25, meters.refresh());
        assertEquals(25, registry.get("budget4j.stage.calls").counter().count());
    }

    @Test
    void refreshingDoesNotTakeTheUsersIntervals() {
        BudgetedStage<Long, Long> stage = stage("interval", "p99<=5ms", Duration.ofMillis(1));
        StageMeters meters = manual(stage, registry);
        for (long i = 0; i < 30; i++) {
            stage.apply(i);
            meters.refresh();
        }
        assertEquals(30, stage.intervalSnapshot().calls(), "the user's interval still has every call");
        assertEquals(30, registry.get("budget4j.stage.calls").counter().count());
    }

    @Test
    void allocationIsASummaryInBytesWithExactCountAndSum() {
        BudgetedStage<Integer, byte[]> stage = Budgets.budgetedStage("alloc", (Integer n) -> new byte[n],
                Budget.parse("alloc<=1MiB"));
        StageMeters meters = manual(stage, registry);
        long calls = 0;
        for (int i = 1; i <= 300; i++) {
            stage.apply(i * 7);
            calls++;
        }
        meters.refresh();
        DistributionSummary summary = registry.get("budget4j.stage.allocation").tag("stage", "alloc").summary();
        assertEquals("bytes", summary.getId().getBaseUnit());
        assertEquals(calls, summary.count());
        assertEquals(stage.snapshot().allocatedBytes().getAsLong(), (long) summary.totalAmount(), "exact sum");
        assertTrue(summary.totalAmount() > 0);
    }

    @Test
    void noAllocationSummaryWhenTheStageDoesNotTrackAllocation() {
        manual(stage("plain", "p99<=5ms", Duration.ofMillis(1)), registry);
        assertNull(registry.find("budget4j.stage.allocation").summary());
    }

    @Test
    void namesTakeAPrefix() {
        BudgetedStage<Long, Long> stage = stage("prefixed", "errors<=1%", Duration.ofMillis(1));
        StageMeters meters = BudgetMeters.builder(stage).names(new MeterNames("shop.budget4j"))
                .refreshEvery(Duration.ZERO).bindTo(registry);
        stage.apply(1L);
        meters.refresh();
        assertEquals(1, registry.get("shop.budget4j.stage.calls").tag("stage", "prefixed").counter().count());
        assertNotNull(registry.find("shop.budget4j.budget.met").tag("dimension", "errors").gauge());
    }

    @Test
    void closeRemovesTheMetersAndAllowsANewBinding() {
        BudgetedStage<Long, Long> stage = stage("closing", "p99<=5ms", Duration.ofMillis(1));
        StageMeters meters = manual(stage, registry);
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> manual(stage, registry));
        assertTrue(twice.getMessage().contains("stage 'closing' must be bound once per registry"), twice.getMessage());
        assertTrue(twice.getMessage().contains("budget4j.stage.calls{stage=closing}"), twice.getMessage());

        meters.close();
        meters.close();
        assertTrue(registry.getMeters().isEmpty(), registry.getMeters().toString());
        IllegalStateException closed = assertThrows(IllegalStateException.class, meters::refresh);
        assertEquals("meters of stage 'closing' must be open to refresh, but were closed", closed.getMessage());

        stage.apply(1L);
        StageMeters again = manual(stage, registry);
        assertEquals(1, again.refresh());
    }

    @Test
    void scheduledRefreshesPublishWithoutBeingAsked() throws InterruptedException {
        BudgetedStage<Long, Long> stage = stage("scheduled", "p99<=5ms", Duration.ofMillis(1));
        try (StageMeters meters = BudgetMeters.builder(stage).refreshEvery(Duration.ofMillis(20)).bindTo(registry)) {
            for (long i = 0; i < 40; i++) {
                stage.apply(i);
            }
            Counter calls = registry.get("budget4j.stage.calls").counter();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (calls.count() < 40 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(40, calls.count());
            assertEquals("scheduled", meters.stage());
        }
    }

    @Test
    void bindingDoesNotWrapTheStage() {
        BudgetedStage<Long, Long> stage = stage("same", "p99<=5ms", Duration.ofMillis(1));
        manual(stage, registry);
        stage.apply(1L);
        assertEquals(1, stage.snapshot().calls(), "callers keep calling the budgeted stage itself");
    }
}
