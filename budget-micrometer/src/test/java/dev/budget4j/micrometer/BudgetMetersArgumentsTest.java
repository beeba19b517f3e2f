package dev.budget4j.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad arguments fail with a message naming the parameter, the rule and the value. */
class BudgetMetersArgumentsTest {
    private final BudgetedStage<Long, Long> stage = Budgets.budgetedStage("args", (Long x) -> x,
            Budget.parse("p99<=5ms"));

    @Test
    void refreshPeriod() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BudgetMeters.builder(stage).refreshEvery(Duration.ofSeconds(-1)));
        assertEquals("refreshEvery must be > 0 ns, or zero for refresh() only, but was PT-1S", e.getMessage());
    }

    @Test
    void histogramRange() {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> BudgetMeters.builder(stage).histogramRange(Duration.ofMillis(5), Duration.ofMillis(1)));
        assertEquals("maximum must be > minimum (PT0.005S), but was PT0.001S", order.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> BudgetMeters.builder(stage).histogramRange(Duration.ZERO, Duration.ofMillis(1)));
        assertEquals("minimum must be > 0 ns, but was PT0S", zero.getMessage());
    }

    @Test
    void settingsAreGivenOnce() {
        BudgetMeters.Builder builder = BudgetMeters.builder(stage)
                .percentileHistogram(false)
                .percentiles(true)
                .histogramRange(Duration.ofNanos(1000), Duration.ofSeconds(1));
        IllegalStateException histogram = assertThrows(IllegalStateException.class,
                () -> builder.percentileHistogram(true));
        assertEquals("percentileHistogram must be set once, but was already set to false", histogram.getMessage());
        IllegalStateException percentiles = assertThrows(IllegalStateException.class,
                () -> builder.percentiles(false));
        assertEquals("percentiles must be set once, but was already set to true", percentiles.getMessage());
        IllegalStateException range = assertThrows(IllegalStateException.class,
                () -> builder.histogramRange(Duration.ofNanos(1000), Duration.ofSeconds(2)));
        assertEquals("histogramRange must be set once, but was already set to [PT0.000001S, PT1S]", range.getMessage());
    }

    @Test
    void nulls() {
        NullPointerException stage = assertThrows(NullPointerException.class, () -> BudgetMeters.builder(null));
        assertEquals("stage must not be null", stage.getMessage());
        NullPointerException registry = assertThrows(NullPointerException.class,
                () -> BudgetMeters.bind(this.stage, null));
        assertEquals("registry must not be null", registry.getMessage());
    }

    @Test
    void meterNamePrefix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MeterNames("Budget4j."));
        assertEquals("prefix must be dot-separated words of [a-z0-9_], each starting with a letter, but was 'Budget4j.'",
                e.getMessage());
    }
}
