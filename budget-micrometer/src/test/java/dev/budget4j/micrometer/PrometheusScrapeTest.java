package dev.budget4j.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.ManualTicker;
import dev.budget4j.Stage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Micrometer's Prometheus registry exposes for a bound stage, read from its scrape text. */
class PrometheusScrapeTest {
    private static final Map<String, String> STAGE = Map.of("stage", "tokenize");

    private final ManualTicker ticker = new ManualTicker();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private BudgetedStage<Long, Long> stage;
    private StageMeters meters;

    /** Calls take x microseconds; x = 7 fails. Budget: p50<=100us p99<=5ms errors<=1% alloc<=4KiB. */
    @BeforeEach
    void bind() {
        stage = Budgets.budgeted(Stage.of("tokenize", (Long micros) -> {
            ticker.advanceNanos(micros * 1000);
            if (micros == 7) {
                throw new IllegalArgumentException("seven");
            }
            return micros;
        })).budget(Budget.parse("p50<=100us p99<=5ms errors<=1% alloc<=4KiB")).ticker(ticker).build();
        meters = BudgetMeters.builder(stage).refreshEvery(Duration.ZERO).bindTo(registry);
    }

    private void call(long micros, int times) {
        for (int i = 0; i < times; i++) {
            try {
                stage.apply(micros);
            } catch (IllegalArgumentException expected) {
                // the failing input
            }
        }
    }

    @Test
    void countsInTheScrapeEqualTheCallsMade() {
        call(50, 900);   // within p50
        call(7, 5);      // fails
        call(100, 45);   // exactly at p50's limit
        call(3000, 40);  // between the limits
        call(9000, 10);  // above p99's limit
        meters.refresh();
        Scrape scrape = Scrape.parse(registry.scrape());

        assertEquals(1000, scrape.value("budget4j_stage_calls_total", STAGE));
        assertEquals(5, scrape.value("budget4j_stage_failures_total", STAGE));
        assertEquals(1000, scrape.value("budget4j_stage_latency_seconds_count", STAGE));
        assertEquals(1000, scrape.value("budget4j_stage_allocation_bytes_count", STAGE));
        double seconds = 900 * 50e-6 + 5 * 7e-6 + 45 * 100e-6 + 40 * 3e-3 + 10 * 9e-3;
        assertEquals(seconds, scrape.value("budget4j_stage_latency_seconds_sum", STAGE), seconds * 1e-3);
        assertEquals(9e-3, scrape.value("budget4j_stage_latency_seconds_max", STAGE), 9e-6);
    }

    @Test
    void bucketsAreCumulativeAndTheLimitsAreBoundariesCountedAsBudget4jCountsThem() {
        call(50, 900);
        call(100, 45);
        call(3000, 40);
        call(5000, 5);
        call(9000, 10);
        meters.refresh();
        Scrape scrape = Scrape.parse(registry.scrape());

        List<Scrape.Sample> buckets = scrape.find("budget4j_stage_latency_seconds_bucket", STAGE);
        assertTrue(buckets.size() > 10, "the percentile histogram is on by default: " + buckets.size() + " buckets");
        double previousLe = Double.NEGATIVE_INFINITY;
        double previousCount = 0;
        for (Scrape.Sample bucket : buckets) {
            assertTrue(bucket.labels().containsKey("le"), bucket.toString());
            double le = Double.parseDouble(bucket.labels().get("le").replace("+Inf", "Infinity"));
            assertTrue(le > previousLe, "le ascending: " + bucket);
            assertTrue(bucket.value() >= previousCount, "counts cumulative: " + bucket);
            previousLe = le;
            previousCount = bucket.value();
        }
        assertEquals(1000, previousCount, "+Inf counts every call");

        // A call counts under a limit in Prometheus exactly when budget4j counts it within the limit:
        // both see HdrHistogram's value, up to 0.1% above the recorded one, so a call of exactly
        // 100us or 5ms reads as just above it, in budget4j's verdict and in the buckets alike.
        assertEquals(900, bucketAt(buckets, 100e-6), "calls <= 100us");
        assertEquals(985, bucketAt(buckets, 5e-3), "calls <= 5ms; the 5 calls of exactly 5ms read 5.001ms");
        assertEquals(1000, bucketAt(buckets, 10e-3), "the guard bucket at twice the largest limit");
        for (long limitNanos : new long[] {100_000, 5_000_000}) {
            assertEquals(withinAsBudget4jSeesIt(limitNanos), bucketAt(buckets, limitNanos / 1e9), limitNanos + " ns");
        }
    }

    private long withinAsBudget4jSeesIt(long limitNanos) {
        long within = 0;
        for (HistogramIterationValue v : stage.snapshot().histogram().recordedValues()) {
            if (v.getValueIteratedTo() <= limitNanos) {
                within += v.getCountAddedInThisIterationStep();
            }
        }
        return within;
    }

    private static double bucketAt(List<Scrape.Sample> buckets, double le) {
        return buckets.stream()
                .filter(b -> !b.labels().get("le").equals("+Inf") && Double.parseDouble(b.labels().get("le")) == le)
                .findFirst().orElseThrow(() -> new AssertionError("no bucket le=" + le + " in " + buckets))
                .value();
    }

    @Test
    void budgetGaugesCarryStageAndDimension() {
        call(50, 200);
        meters.refresh();
        Scrape scrape = Scrape.parse(registry.scrape());
        assertEquals(0.0001, scrape.value("budget4j_budget_limit", Map.of("stage", "tokenize", "dimension", "p50")));
        assertEquals(0.005, scrape.value("budget4j_budget_limit", Map.of("stage", "tokenize", "dimension", "p99")));
        assertEquals(0.01, scrape.value("budget4j_budget_limit", Map.of("stage", "tokenize", "dimension", "errors")));
        assertEquals(4096, scrape.value("budget4j_budget_limit", Map.of("stage", "tokenize", "dimension", "alloc")));
        for (String dimension : List.of("p50", "p99", "errors")) {
            assertEquals(1.0, scrape.value("budget4j_budget_met", Map.of("stage", "tokenize", "dimension", dimension)),
                    dimension);
        }

        call(9000, 100);
        meters.refresh();
        scrape = Scrape.parse(registry.scrape());
        assertEquals(0.0, scrape.value("budget4j_budget_met", Map.of("stage", "tokenize", "dimension", "p99")));
        assertEquals(1.0, scrape.value("budget4j_budget_met", Map.of("stage", "tokenize", "dimension", "p50")));
    }

    @Test
    void thePrometheusNamesAreTheOnesTheRulesUse() {
        call(50, 10);
        meters.refresh();
        Set<String> names = Scrape.parse(registry.scrape()).names();
        for (String name : List.of("budget4j_stage_latency_seconds_bucket", "budget4j_stage_latency_seconds_count",
                "budget4j_stage_latency_seconds_sum", "budget4j_stage_latency_seconds_max",
                "budget4j_stage_calls_total", "budget4j_stage_failures_total",
                "budget4j_stage_allocation_bytes_sum", "budget4j_stage_allocation_bytes_count",
                "budget4j_stage_allocation_bytes_max", "budget4j_budget_limit", "budget4j_budget_met")) {
            assertTrue(names.contains(name), name + " in " + names);
        }
    }

    @Test
    void withBucketsThePrometheusRegistryShowsNoClientSidePercentiles() {
        call(50, 10);
        meters.refresh();
        String text = registry.scrape();
        assertTrue(text.contains("# TYPE budget4j_stage_latency_seconds histogram"), text);
        assertTrue(!text.contains("quantile="), "Prometheus gets buckets, not the timer's percentiles:\n" + text);
    }
}
