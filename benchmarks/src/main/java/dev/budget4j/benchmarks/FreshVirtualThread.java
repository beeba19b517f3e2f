package dev.budget4j.benchmarks;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Stage;
import java.util.concurrent.TimeUnit;
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
 * A virtual thread per request: each operation starts a virtual thread that makes one call and
 * ends, as a server with a virtual thread per request does. The baseline calls the bare stage;
 * the difference is what the first call on a fresh thread costs the budgeted stage. With a
 * recorder that keeps state per thread that difference was tens of KiB per thread; read
 * {@code gc.alloc.rate.norm} (bytes per operation) with {@code -prof gc}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FreshVirtualThread -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class FreshVirtualThread {
    private static final Stage<long[], long[]> WORK = Stage.of("work", (long[] x) -> {
        x[0] = x[0] * 31 + 7;
        return x;
    });

    private final long[] input = {12345L};
    private BudgetedStage<long[], long[]> budgeted;

    @Setup
    public void setUp() {
        budgeted = Budgets.budgetedStage(WORK, Budget.parse("p99<=1ms"));
    }

    /** Start a virtual thread, call the bare stage once, wait for the thread to end. */
    @Benchmark
    public void bare() throws InterruptedException {
        Thread.ofVirtual().start(() -> WORK.apply(input)).join();
    }

    /** The same with the budgeted stage: its first and only call on that thread. */
    @Benchmark
    public void budgeted() throws InterruptedException {
        Thread.ofVirtual().start(() -> budgeted.apply(input)).join();
    }
}
