package dev.budget4j.benchmarks;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Stage;
import dev.budget4j.micrometer.BudgetMeters;
import dev.budget4j.micrometer.StageMeters;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What publishing a budgeted stage to Micrometer costs per call, in the Prometheus registry.
 *
 * <ul>
 *   <li>{@code unbound}: a budgeted stage, no meters.</li>
 *   <li>{@code bound}: the same, bound with {@code BudgetMeters} (refreshed every second on the
 *   shared background thread): the calls' path is unchanged.</li>
 *   <li>{@code timer}: a plain Micrometer {@code Timer} shaped as the binding shapes it
 *   (percentiles, the limits as objectives, percentile histogram), two {@code nanoTime} reads and
 *   one {@code record} per call: what timing each call into Micrometer costs.</li>
 *   <li>{@code budgetedAndTimer}: a budgeted stage whose caller also records into that timer:
 *   the cost of a decorator that writes each call to both.</li>
 *   <li>{@code boundWithRefresh}: 1000 calls of a bound stage, then one {@code refresh()}, per
 *   call: the binding's whole cost, replay included; minus {@code unbound}, the replay per call.</li>
 *   <li>{@code boundWithRefreshNoPercentiles}: the same with {@code percentiles(false)}, which the
 *   Prometheus registry does not expose anyway.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MicrometerBinding -f 1 -wi 3 -i 5 -w 1 -r 1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class MicrometerBinding {
    private static final int BATCH = 10_000;
    private static final Stage<long[], long[]> WORK = Stage.of("work", (long[] x) -> {
        x[0] = x[0] * 31 + 7;
        return x;
    });
    private static final Budget BUDGET = Budget.parse("p50<=100us p99<=1ms errors<=1%");

    private BudgetedStage<long[], long[]> unbound;
    private BudgetedStage<long[], long[]> bound;
    private BudgetedStage<long[], long[]> refreshed;
    private BudgetedStage<long[], long[]> refreshedNoPercentiles;
    private BudgetedStage<long[], long[]> alongsideTimer;
    private StageMeters boundMeters;
    private StageMeters refreshedMeters;
    private StageMeters refreshedNoPercentilesMeters;
    private Timer timer;

    /** Per-thread input, mutated in place so that the stage itself allocates nothing. */
    @State(Scope.Thread)
    public static class Input {
        final long[] value = {12345L};
    }

    @Setup
    public void setUp() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        unbound = Budgets.budgetedStage(WORK, BUDGET);
        bound = Budgets.budgetedStage(WORK.withName("bound"), BUDGET);
        boundMeters = BudgetMeters.bind(bound, registry);
        refreshed = Budgets.budgetedStage(WORK.withName("refreshed"), BUDGET);
        refreshedMeters = BudgetMeters.builder(refreshed).refreshEvery(Duration.ZERO).bindTo(registry);
        refreshedNoPercentiles = Budgets.budgetedStage(WORK.withName("refreshedNoPercentiles"), BUDGET);
        refreshedNoPercentilesMeters = BudgetMeters.builder(refreshedNoPercentiles).percentiles(false)
                .refreshEvery(Duration.ZERO).bindTo(registry);
        alongsideTimer = Budgets.budgetedStage(WORK.withName("alongside"), BUDGET);
        timer = Timer.builder("work.latency")
                .publishPercentiles(0.5, 0.99)
                .serviceLevelObjectives(Duration.ofNanos(100_000), Duration.ofMillis(1), Duration.ofMillis(2))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .register(registry);
    }

    @TearDown
    public void tearDown() {
        boundMeters.close();
        refreshedMeters.close();
        refreshedNoPercentilesMeters.close();
    }

    /** A budgeted stage without meters. */
    @Benchmark
    public long[] unbound(Input in) {
        return unbound.apply(in.value);
    }

    /** A budgeted stage bound to the Prometheus registry, refreshed in the background. */
    @Benchmark
    public long[] bound(Input in) {
        return bound.apply(in.value);
    }

    /** A plain Micrometer timer around the work. */
    @Benchmark
    public long[] timer(Input in) {
        long start = System.nanoTime();
        long[] out = WORK.apply(in.value);
        timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return out;
    }

    /** A budgeted stage and a Micrometer timer on every call: a decorator writing to both. */
    @Benchmark
    public long[] budgetedAndTimer(Input in) {
        long start = System.nanoTime();
        long[] out = alongsideTimer.apply(in.value);
        timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return out;
    }

    /** 10,000 calls of a bound stage and the refresh that publishes them, per call. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long boundWithRefresh(Input in) {
        for (int i = 0; i < BATCH; i++) {
            refreshed.apply(in.value);
        }
        return refreshedMeters.refresh();
    }

    /** As {@link #boundWithRefresh}, without the client-side percentiles. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long boundWithRefreshNoPercentiles(Input in) {
        for (int i = 0; i < BATCH; i++) {
            refreshedNoPercentiles.apply(in.value);
        }
        return refreshedNoPercentilesMeters.refresh();
    }
}
