package dev.budget4j.benchmarks;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Stage;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
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
 * What wrapping a stage costs per call, against a bare call, the floor (two {@code nanoTime()}
 * reads and a shared HdrHistogram {@code Recorder.recordValue}), the alternative budget-core did
 * not choose (the same, but one {@code Recorder} per stripe, picked by thread id), and
 * Micrometer's {@code Timer} with a percentile histogram. The stage itself is a few arithmetic
 * operations, so the numbers are the decorators' own cost.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DecoratorOverhead -t 1 -prof gc}, then
 * again with {@code -t 2}: two threads start on different stripes and each claims its own, so
 * calls per second should nearly double, unlike with one shared recorder.
 * {@link DecoratorOverheadVirtual} runs the same on virtual threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class DecoratorOverhead {
    private static final Stage<long[], long[]> WORK = Stage.of("work", (long[] x) -> {
        x[0] = x[0] * 31 + 7;
        return x;
    });
    private static final Budget BUDGET = Budget.parse("p99<=1ms");

    /** Stripes of the not-chosen alternative: as many as budget-core uses, a power of two. */
    static final int STRIPES = Integer.highestOneBit(Math.max(2, Math.min(64, 2 * Runtime.getRuntime().availableProcessors())) - 1) << 1;
    private static final int SHIFT = 64 - Integer.numberOfTrailingZeros(STRIPES);

    private Recorder floorRecorder;
    private Recorder[] stripedRecorders;
    private BudgetedStage<long[], long[]> latencyOnly;
    private BudgetedStage<long[], long[]> withAllocation;
    private Timer timer;

    /** Per-thread input, mutated in place so that the stage itself allocates nothing. */
    @State(Scope.Thread)
    public static class Input {
        final long[] value = {12345L};
    }

    @Setup
    public void setUp() {
        floorRecorder = new Recorder(3);
        stripedRecorders = new Recorder[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripedRecorders[i] = new Recorder(3);
        }
        latencyOnly = Budgets.budgeted(WORK).budget(BUDGET).trackAllocation(false).build();
        withAllocation = Budgets.budgeted(WORK).budget(BUDGET).trackAllocation(true).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        timer = Timer.builder("work").publishPercentileHistogram().register(registry);
    }

    /** The stage alone. */
    @Benchmark
    public long[] bare(Input in) {
        return WORK.apply(in.value);
    }

    /** The least any timing decorator can do: two clock reads and one histogram record. */
    @Benchmark
    public long[] floor(Input in) {
        long start = System.nanoTime();
        long[] out = WORK.apply(in.value);
        floorRecorder.recordValue(System.nanoTime() - start);
        return out;
    }

    /**
     * The floor with one shared recorder per stripe, chosen by thread id as budget-core chooses
     * its stripes: HdrHistogram's wait-free multi-writer recording, latency only.
     */
    @Benchmark
    public long[] stripedRecorders(Input in) {
        long start = System.nanoTime();
        long[] out = WORK.apply(in.value);
        int stripe = (int) ((Thread.currentThread().threadId() * 0x9E3779B97F4A7C15L) >>> SHIFT);
        stripedRecorders[stripe].recordValue(System.nanoTime() - start);
        return out;
    }

    /** budgetedStage recording latency, failures and time span. */
    @Benchmark
    public long[] budgetedLatencyOnly(Input in) {
        return latencyOnly.apply(in.value);
    }

    /** budgetedStage also measuring bytes allocated by the calling thread. */
    @Benchmark
    public long[] budgetedWithAllocation(Input in) {
        return withAllocation.apply(in.value);
    }

    /** Micrometer's Timer with a percentile histogram, the usual way to time a call. */
    @Benchmark
    public long[] micrometerTimer(Input in) {
        return timer.record(() -> WORK.apply(in.value));
    }
}
