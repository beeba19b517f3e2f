package dev.budget4j.spark;

import dev.budget4j.Budget;
import dev.budget4j.internal.util.Require;
import dev.budget4j.spark.internal.RecordingAccumulator;
import dev.budget4j.spark.internal.RecordingSink;
import dev.budget4j.spark.internal.StageConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Budgets for the stages of a Spark job: the driver-side handle of one run. It registers an
 * accumulator with the {@code SparkContext}, makes {@link SparkStage}s that record into it, and
 * reads the merged result back as a {@link SparkReport}.
 *
 * <pre>{@code
 * SparkBudgets budgets = SparkBudgets.register(spark);
 * SparkStage<String, String[]> tokenize =
 *     budgets.stage("tokenize", (String s) -> s.split(" "), Budget.parse("p99<=1ms"));
 * long words = lines.map(tokenize, Encoders.kryo(String[].class)).count();
 * SparkReport report = budgets.report();   // after the action: every task's calls, merged
 * System.out.println(report.toTable());
 * report.baseline().write(Path.of("perf/spark-run.json"));
 * }</pre>
 *
 * <p>How calls travel: each task records into a recorder of its own (checked out of a per-stage
 * pool on the executor), and when the task ends adds one {@code Recording} per stage to its copy
 * of the accumulator, which Spark sends back with the task's result and merges on the driver. Spark
 * merges successful task attempts only, so every call of a successful task is counted once and a
 * failed or killed attempt adds nothing. A stage that Spark computes twice (two actions on an
 * uncached Dataset, a lost shuffle output recomputed, a speculative copy that also succeeds) is
 * counted as often as it ran: a recording counts calls made, not records in the result.
 *
 * <p>Thread-safe. Keep the handle until the report is read: the accumulator lives as long as it.
 */
public final class SparkBudgets {
    private final RecordingAccumulator accumulator;
    private final Map<String, StageConfig> declared = new LinkedHashMap<>();

    private SparkBudgets(RecordingAccumulator accumulator) {
        this.accumulator = accumulator;
    }

    /**
     * Starts a run on a session's context.
     *
     * @param spark the session, not null
     * @return the run's handle
     */
    public static SparkBudgets register(SparkSession spark) {
        return register(Require.notNull(spark, "spark").sparkContext());
    }

    /**
     * Starts a run: registers its accumulator with the context (without a name, so it does not
     * appear in Spark's UI: Spark would read a named one after every task).
     *
     * @param context the driver's context, not null and not stopped
     * @return the run's handle
     */
    public static SparkBudgets register(SparkContext context) {
        Require.notNull(context, "context");
        RecordingAccumulator accumulator = new RecordingAccumulator();
        context.register(accumulator);
        return new SparkBudgets(accumulator);
    }

    /**
     * A stage with the defaults: {@code Enforcement.RECORD}, allocation tracked when the budget
     * bounds {@code alloc}.
     *
     * @param name the stage name, not blank; the key its calls are merged under
     * @param function the work, serializable (a lambda written here is), not null
     * @param budget the budget, not null
     * @param <I> the input type
     * @param <O> the output type
     * @return the stage, to pass to {@code map}, or its {@link SparkStage#partitions()} form to {@code mapPartitions}
     * @throws IllegalArgumentException when this run already has a stage of this name under another budget
     */
    public <I, O> SparkStage<I, O> stage(String name, SerializableFunction<? super I, ? extends O> function, Budget budget) {
        return this.<I, O>budgeted(name, function).budget(budget).build();
    }

    /**
     * Starts configuring a stage.
     *
     * @param name the stage name, not blank
     * @param function the work, serializable, not null
     * @param <I> the input type
     * @param <O> the output type
     * @return a builder; {@link SparkStage.Builder#budget} must be called
     */
    public <I, O> SparkStage.Builder<I, O> budgeted(String name, SerializableFunction<? super I, ? extends O> function) {
        return new SparkStage.Builder<>(this, name, function);
    }

    /**
     * The run so far: every finished task's calls, merged per stage, plus calls made on the driver
     * outside any task. Call it after the action; during one it shows the tasks finished so far.
     *
     * @return the report; stages declared but never called are listed with no calls (INCONCLUSIVE)
     * @throws IllegalArgumentException naming the stage and both budgets when one stage name was
     *     recorded under two budgets (e.g. a {@code budget4j.budget.<name>} override set on some
     *     executors only)
     */
    public SparkReport report() {
        accumulator.collectOutsideTasks();
        Map<String, StageConfig> stages;
        synchronized (this) {
            stages = new LinkedHashMap<>(declared);
        }
        return SparkReport.of(stages, accumulator.tallies());
    }

    /** Records a stage's configuration; one budget per stage name. */
    synchronized StageConfig declare(StageConfig config) {
        StageConfig earlier = declared.putIfAbsent(config.name(), config);
        if (earlier != null && !earlier.budget().equals(config.budget())) {
            throw new IllegalArgumentException("stage '" + config.name() + "' must keep one budget in a run, but was declared with '"
                    + earlier.budget() + "' and now with '" + config.budget() + "'");
        }
        return config;
    }

    RecordingSink sink() {
        return accumulator;
    }

    @Override
    public String toString() {
        return "SparkBudgets[accumulator " + accumulator.id() + ", stages " + declared.keySet() + "]";
    }
}
