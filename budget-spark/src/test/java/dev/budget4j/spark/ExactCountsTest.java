package dev.budget4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Enforcement;
import dev.budget4j.Outcome;
import dev.budget4j.Recording;
import dev.budget4j.profile.StageBaseline;
import dev.budget4j.spark.internal.LocalStages;
import dev.budget4j.spark.internal.RecordingAccumulator;
import dev.budget4j.spark.internal.StageConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * N records through a stage: the driver sees exactly N calls, on local[2] (two tasks at a time, no
 * retries, no speculation), with many partitions, through every entry point.
 */
@ExtendWith(LocalSpark.class)
class ExactCountsTest {
    private static final Budget BUDGET = Budget.parse("p99<=50ms errors<=100%");
    private static final int N = 20_000;

    private static List<Integer> numbers(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    private static JavaSparkContext jsc() {
        return JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext());
    }

    @Test
    void datasetMapOverEightPartitions() {
        SparkSession spark = LocalSpark.session();
        SparkBudgets budgets = SparkBudgets.register(spark);
        SparkStage<Integer, Integer> twice = budgets.stage("ds-twice", (Integer x) -> 2 * x, BUDGET);
        Dataset<Integer> in = spark.createDataset(numbers(N), Encoders.INT()).repartition(8);
        long sum = in.map(twice, Encoders.INT()).javaRDD().map(Integer::longValue).reduce(Long::sum);
        assertEquals((long) N * (N - 1), sum, "the stage returns what the function does");
        SparkReport report = budgets.report();
        assertEquals(N, report.recordings().get("ds-twice").calls());
        StageBaseline stage = report.baseline().stage("ds-twice").orElseThrow();
        assertEquals(1, stage.forkCount(), "local mode: one executor, one fork");
        assertEquals(Map.of("driver", 8), report.tasksByExecutor("ds-twice"));
        assertEquals(8, stage.forks().get(0).rounds(), "one round per task");
    }

    @Test
    void rddMapAndMapPartitionsWithTwoStagesInOneJob() {
        SparkBudgets budgets = SparkBudgets.register(LocalSpark.session());
        SparkStage<Integer, Integer> plusOne = budgets.stage("rdd-plus-one", (Integer x) -> x + 1, BUDGET);
        SparkStage<Integer, String> text = budgets.stage("rdd-text", (Integer x) -> "#" + x, BUDGET);
        JavaRDD<Integer> in = jsc().parallelize(numbers(N), 13);
        List<String> out = in.map(plusOne).mapPartitions(text.partitions()).collect();
        assertEquals(N, out.size());
        assertEquals("#1", out.get(0));
        SparkReport report = budgets.report();
        assertEquals(N, report.recordings().get("rdd-plus-one").calls());
        assertEquals(N, report.recordings().get("rdd-text").calls());
        assertEquals(13, report.baseline().stage("rdd-text").orElseThrow().forks().get(0).rounds());
    }

    @Test
    void datasetMapPartitionsAndBatches() {
        SparkSession spark = LocalSpark.session();
        SparkBudgets budgets = SparkBudgets.register(spark);
        SparkStage<Integer, Integer> square = budgets.stage("ds-square", (Integer x) -> x * x, BUDGET);
        SparkStage<List<Integer>, List<Integer>> negate = budgets.stage("ds-negate-batch",
                (List<Integer> batch) -> batch.stream().map(x -> -x).collect(Collectors.toList()), BUDGET);
        Dataset<Integer> in = spark.createDataset(numbers(1_000), Encoders.INT()).repartition(3);
        List<Integer> out = in.mapPartitions(square.partitions(), Encoders.INT())
                .mapPartitions(SparkStage.batches(negate, 32), Encoders.INT()).collectAsList();
        assertEquals(1_000, out.size());
        assertTrue(out.stream().allMatch(x -> x <= 0));
        SparkReport report = budgets.report();
        assertEquals(1_000, report.recordings().get("ds-square").calls());
        long batches = report.recordings().get("ds-negate-batch").calls();
        assertTrue(batches >= 32 && batches <= 34, "one call per batch of 32 in each of 3 partitions, but was " + batches);
    }

    @Test
    void failuresAreCountedAndTheirExceptionsPropagate() {
        SparkBudgets budgets = SparkBudgets.register(LocalSpark.session());
        SparkStage<Integer, Integer> picky = budgets.stage("picky", (Integer x) -> {
            if (x % 10 == 0) {
                throw new IllegalArgumentException("multiple of 10: " + x);
            }
            return x;
        }, BUDGET);
        long ok = jsc().parallelize(numbers(N), 6).map(x -> {
            try {
                return picky.apply(x);
            } catch (IllegalArgumentException e) {
                return -1;
            }
        }).filter(x -> x >= 0).count();
        assertEquals(N - N / 10, ok);
        Recording r = budgets.report().recordings().get("picky");
        assertEquals(N, r.calls());
        assertEquals(N / 10, r.failures());
    }

    @Test
    void aFailedTaskAddsNothingAndItsRecorderServesTheNextTask() {
        SparkBudgets budgets = SparkBudgets.register(LocalSpark.session());
        SparkStage<Integer, Integer> stage = budgets.stage("fails-midway", (Integer x) -> x, BUDGET);
        SparkException e = assertThrows(SparkException.class, () -> jsc().parallelize(numbers(100), 1).map(x -> {
            if (stage.apply(x) == 50) {
                throw new IllegalStateException("task dies after 51 calls");
            }
            return x;
        }).count());
        assertTrue(e.getMessage().contains("task dies after 51 calls"), e.getMessage());
        assertEquals(0, budgets.report().recordings().get("fails-midway").calls(), "a failed attempt's calls are not merged");
        assertEquals(Outcome.INCONCLUSIVE, budgets.report().verdicts().get("fails-midway").outcome());
        assertEquals(N, jsc().parallelize(numbers(N), 4).map(stage).count());
        assertEquals(N, budgets.report().recordings().get("fails-midway").calls());
    }

    @Test
    void twoActionsOnAnUncachedDatasetRunTheStageTwice() {
        SparkSession spark = LocalSpark.session();
        SparkBudgets budgets = SparkBudgets.register(spark);
        SparkStage<Integer, Integer> id = budgets.stage("twice-computed", (Integer x) -> x, BUDGET);
        Dataset<Integer> mapped = spark.createDataset(numbers(N), Encoders.INT()).repartition(4).map(id, Encoders.INT());
        assertEquals(N, mapped.count());
        assertEquals(N, mapped.filter((org.apache.spark.api.java.function.FilterFunction<Integer>) x -> true).count());
        assertEquals(2L * N, budgets.report().recordings().get("twice-computed").calls(), "calls made, not records in a result");
    }

    @Test
    void recordersAreKeptPerTaskSlotNotPerTask() {
        SparkBudgets budgets = SparkBudgets.register(LocalSpark.session());
        SparkStage<Integer, Integer> stage = budgets.stage("many-tasks", (Integer x) -> x, BUDGET);
        assertEquals(N, jsc().parallelize(numbers(N), 60).map(stage).count());
        assertEquals(60, budgets.report().baseline().stage("many-tasks").orElseThrow().forks().get(0).rounds());
        int idle = LocalStages.idleRecorders(new StageConfig("many-tasks", BUDGET, Enforcement.RECORD, null));
        assertTrue(idle >= 1 && idle <= 2, "local[2] runs two tasks at a time, so at most two recorders, but found " + idle);
    }

    @Test
    void callsOnTheDriverOutsideTasksAreCountedToo() {
        SparkBudgets budgets = SparkBudgets.register(LocalSpark.session());
        SparkStage<String, Integer> length = budgets.stage("driver-length", String::length, BUDGET);
        for (int i = 0; i < 25; i++) {
            assertEquals(3, length.apply("abc"));
        }
        SparkReport report = budgets.report();
        assertEquals(25, report.recordings().get("driver-length").calls());
        assertEquals(Map.of(RecordingAccumulator.OUTSIDE_TASKS, 1), report.tasksByExecutor("driver-length"));
    }
}
