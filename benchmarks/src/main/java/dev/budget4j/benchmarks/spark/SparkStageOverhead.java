package dev.budget4j.benchmarks.spark;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Enforcement;
import dev.budget4j.Stage;
import dev.budget4j.spark.internal.ExecutorStage;
import dev.budget4j.spark.internal.StageConfig;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a budgeted Spark stage costs per call on an executor, against the same function bare and
 * wrapped in the local decorator ({@code Budgets.budgetedStage}). The executor path is budget-spark's
 * {@code ExecutorStage.apply}, which {@code SparkStage.call} delegates to: read the current task (a
 * thread-local read here, as {@code TaskContext.get()} is), compare it with the cached one, call
 * the task's pooled budgeted stage, which calls the task's copy of the function. No Spark runs:
 * Spark is not in the benchmark jar. The function mutates a {@code long[]} in place, so it
 * allocates nothing and the numbers are the wrappers' own cost.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SparkStageOverhead -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SparkStageOverhead {
    private static final Budget BUDGET = Budget.parse("p99<=1ms");

    /** The function a task deserializes, as a user writes it: a serializable lambda. */
    interface SerializableFunction<I, O> extends Function<I, O>, Serializable {
    }

    private static final SerializableFunction<long[], long[]> WORK = x -> {
        x[0] = x[0] * 31 + 7;
        return x;
    };

    private BudgetedStage<long[], long[]> local;
    private ExecutorStage<long[], long[]> executor;

    /** Per-thread input, mutated in place; the thread is inside one task. */
    @State(Scope.Thread)
    public static class Input {
        final long[] value = {12345L};

        @Setup
        public void enterTask() {
            InTaskHooks.enterTask();
        }
    }

    @Setup
    public void setUp() {
        local = Budgets.budgetedStage(Stage.of("work", WORK), BUDGET);
        executor = new ExecutorStage<>(new StageConfig("work", BUDGET, Enforcement.RECORD, null), WORK, new DiscardingSink(),
                new InTaskHooks());
    }

    /** The function alone. */
    @Benchmark
    public long[] bare(Input in) {
        return WORK.apply(in.value);
    }

    /** The local decorator, {@code Budgets.budgetedStage}. */
    @Benchmark
    public long[] budgetedStage(Input in) {
        return local.apply(in.value);
    }

    /** A Spark stage's per-call path inside a task on an executor. */
    @Benchmark
    public long[] sparkStageInTask(Input in) {
        return executor.apply(in.value);
    }
}
