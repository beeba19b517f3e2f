package dev.budget4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Adds {@code cpu.time.norm}: the benchmark JVM's CPU time per operation, in nanoseconds, summed
 * over all its threads. Wall time per operation grows whenever other processes take the cores;
 * CPU time does not, so on a shared machine it is the steadier figure. Contention between the
 * benchmark's own threads (cache lines moving between cores, failed compare-and-sets) still
 * shows, as more CPU per operation; {@code 2 × cpu(1 thread) / cpu(2 threads)} is the speed-up two
 * threads would get on two free cores. It cannot show time a thread spends waiting off-CPU, and
 * when the benchmark's threads rarely run at the same moment it understates their contention.
 *
 * <p>Use: {@code -prof dev.budget4j.benchmarks.CpuTimeProfiler}. Includes the JIT and GC threads,
 * which do little in a warmed-up benchmark that allocates nothing.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation, ns (steadier than wall time on a shared machine)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        cpuAtStart = OS.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
            IterationResult result) {
        long cpu = OS.getProcessCpuTime() - cpuAtStart;
        long ops = result.getMetadata().getAllOps();
        return List.of(new ScalarResult("cpu.time.norm", ops == 0 ? Double.NaN : (double) cpu / ops, "ns/op",
                AggregationPolicy.AVG));
    }
}
