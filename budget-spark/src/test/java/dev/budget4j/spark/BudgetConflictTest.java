package dev.budget4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Recording;
import dev.budget4j.spark.internal.RecordingAccumulator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One stage name under two budgets: a clear exception on the driver, naming the stage and both budgets. */
@ExtendWith(LocalSpark.class)
class BudgetConflictTest {

    @Test
    void aSecondBudgetForOneStageNameIsRefusedWhenTheStageIsMade() {
        SparkBudgets budgets = SparkBudgets.register(LocalSpark.session());
        budgets.stage("embed", (String s) -> s, Budget.parse("p99<=1ms"));
        budgets.stage("embed", (String s) -> s, Budget.parse("p99<=1ms")); // the same budget again is fine
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> budgets.stage("embed", (String s) -> s, Budget.parse("p99<=2ms")));
        assertEquals("stage 'embed' must keep one budget in a run, but was declared with 'p99<=1ms' and now with 'p99<=2ms'",
                e.getMessage());
    }

    @Test
    void recordingsUnderTwoBudgetsMetWhileSparkMergesTaskResultsSurfaceInTheReport() {
        // Executors with a budget4j.budget.<name> override on some of them only: tasks ship
        // recordings of one stage under two budgets. Spark's scheduler would only log an exception
        // thrown while it merges, so the accumulator keeps the conflict and the report throws it.
        RecordingAccumulator accumulator = new RecordingAccumulator();
        LocalSpark.session().sparkContext().register(accumulator, "conflict test");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext());
        jsc.parallelize(List.of(1, 2, 3, 4), 4).foreach(x -> accumulator.add(oneCall("rerank", x % 2 == 0 ? "p99<=5ms" : "p99<=7ms")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkReport.of(Map.of(), accumulator.tallies()));
        assertTrue(e.getMessage().startsWith("recordings of stage 'rerank' must share one budget to merge, but had '"), e.getMessage());
        assertTrue(e.getMessage().contains("'p99<=5ms'") && e.getMessage().contains("'p99<=7ms'"), e.getMessage());
        assertTrue(e.getMessage().contains("budget4j.budget.rerank"), e.getMessage());
    }

    private static Recording oneCall(String stage, String budget) {
        Histogram h = new Histogram(Recording.PRECISION);
        h.recordValue(1_000);
        return Recording.of(stage, Budget.parse(budget), h, 0, OptionalLong.empty(), 0, 1_000, OptionalLong.empty(),
                OptionalLong.empty());
    }
}
