package dev.budget4j.spark;

import dev.budget4j.Budget;
import dev.budget4j.Enforcement;
import dev.budget4j.Stage;
import dev.budget4j.internal.util.Require;
import dev.budget4j.spark.internal.ExecutorStage;
import dev.budget4j.spark.internal.SparkTaskHooks;
import dev.budget4j.spark.internal.StageConfig;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.MapFunction;

/**
 * A budgeted stage that Spark ships to executors: pass it to {@code Dataset.map} (it is a
 * {@link MapFunction}) or {@code JavaRDD.map} (a Spark {@link Function}), or its
 * {@link #partitions()} form to {@code mapPartitions}. Made by {@link SparkBudgets#stage}.
 *
 * <pre>{@code
 * SparkStage<String, Integer> length = budgets.stage("length", String::length, Budget.parse("p99<=1ms"));
 * Dataset<Integer> lengths = lines.map(length, Encoders.INT());
 * }</pre>
 *
 * <p>On each executor JVM, the first call of a task checks a recorder (a budget-core
 * {@code budgetedStage}) out of a pool kept per stage; the task's calls record into it with the
 * core decorator's per-call cost plus one thread-local read; when the task ends its calls are
 * added to the run's accumulator once, and the recorder goes back to the pool. The stage returns
 * and throws exactly what the function does.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class SparkStage<I, O> implements Stage<I, O>, MapFunction<I, O>, Function<I, O> {
    private static final long serialVersionUID = 1L;

    /** The function, its configuration and where its recordings go; what Spark ships to executors. */
    private final ExecutorStage<I, O> executor;

    SparkStage(ExecutorStage<I, O> executor) {
        this.executor = executor;
    }

    /**
     * Runs the function, recording the call into the current task's recording.
     *
     * @param input the input
     * @return the function's output
     */
    @Override
    public O apply(I input) {
        return executor.apply(input);
    }

    /** Same as {@link #apply}, for Spark's Java API. @param input the input @return the output */
    @Override
    public O call(I input) {
        return executor.apply(input);
    }

    /** {@return the stage name, the key of the run's recordings} */
    @Override
    public String name() {
        return executor.config().name();
    }

    /** {@return the budget as written in the code; an executor's {@code budget4j.budget.<name>} override wins there} */
    public Budget budget() {
        return executor.config().budget();
    }

    /** {@return the enforcement mode executors build the stage with} */
    public Enforcement enforcement() {
        return executor.config().enforcement();
    }

    /**
     * This stage for {@code Dataset.mapPartitions} and {@code JavaRDD.mapPartitions}: one call per
     * element, lazily, as the partition is read.
     *
     * @return the partition form; records into the same run under the same name
     */
    public PartitionStage<I, O> partitions() {
        return PartitionStage.elements(this);
    }

    /**
     * A stage over batches as a partition function: elements are grouped into lists of
     * {@code batchSize} (the last may be shorter), the stage is called once per batch and its
     * outputs are flattened. Each call, and so each budget figure, is one batch.
     *
     * @param stage a stage from a list of inputs to a list of outputs, not null
     * @param batchSize elements per call, {@code > 0}
     * @param <T> the element type
     * @param <R> the output element type
     * @return the partition form
     */
    public static <T, R> PartitionStage<T, R> batches(SparkStage<List<T>, List<R>> stage, int batchSize) {
        Require.notNull(stage, "stage");
        Require.positive(batchSize, "batchSize");
        return PartitionStage.batched(stage, batchSize);
    }

    @Override
    public String toString() {
        return "SparkStage[" + executor.config() + "]";
    }

    /**
     * Configures a Spark stage; each setting may be given once. Made by {@link SparkBudgets#budgeted}.
     *
     * @param <I> the input type
     * @param <O> the output type
     */
    public static final class Builder<I, O> {
        private final SparkBudgets run;
        private final String name;
        private final SerializableFunction<? super I, ? extends O> function;
        private Budget budget;
        private Enforcement enforcement;
        private Boolean trackAllocation;

        Builder(SparkBudgets run, String name, SerializableFunction<? super I, ? extends O> function) {
            this.run = run;
            this.name = Require.notBlank(name, "name");
            this.function = Require.notNull(function, "function");
        }

        /**
         * Sets the budget the stage is checked against.
         *
         * @param budget the budget, not null
         * @return this builder
         */
        public Builder<I, O> budget(Budget budget) {
            this.budget = Require.once(this.budget, Require.notNull(budget, "budget"), "budget");
            return this;
        }

        /**
         * Sets what executors do when the budget is missed.
         *
         * @param mode what executors do on a violation (default {@link Enforcement#RECORD}); with
         *     {@code THROW} a violation fails the call and so the task
         * @return this builder
         */
        public Builder<I, O> enforcement(Enforcement mode) {
            this.enforcement = Require.once(this.enforcement, Require.notNull(mode, "enforcement"), "enforcement");
            return this;
        }

        /**
         * Sets whether executors measure the bytes allocated per call.
         *
         * @param on whether executors measure bytes allocated per call (default: on when the budget
         *     bounds {@code alloc}); costs two reads of the thread's allocation counter per call
         * @return this builder
         */
        public Builder<I, O> trackAllocation(boolean on) {
            this.trackAllocation = Require.once(this.trackAllocation, on, "trackAllocation");
            return this;
        }

        /**
         * Builds the stage.
         *
         * @return the stage, recording into the run that made this builder
         * @throws IllegalStateException when no budget was given
         * @throws IllegalArgumentException when the run already has a stage of this name under another budget
         */
        public SparkStage<I, O> build() {
            if (budget == null) {
                throw new IllegalStateException("budget must be set before build(), but was not");
            }
            StageConfig config = new StageConfig(name, budget, enforcement == null ? Enforcement.RECORD : enforcement,
                    trackAllocation);
            return new SparkStage<>(new ExecutorStage<>(run.declare(config), function, run.sink(), SparkTaskHooks.INSTANCE));
        }
    }
}
