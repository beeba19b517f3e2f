package dev.budget4j.benchmarks.kernels;

import dev.budget4j.kernel.FloatMatrix;
import dev.budget4j.kernel.VectorKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Calibrates when {@code pairwiseCosine} should go parallel: small square problems around the
 * default threshold (2^22 multiply-adds is about 74 x 74 x 768). Run it twice, once forced
 * sequential and once forced parallel, and compare:
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar PairwiseThresholdBenchmark -f 1 -wi 3 -i 5 -jvmArgsAppend -Dbudget4j.kernels.parallelMinWork=9223372036854775807
 * java -jar benchmarks/target/benchmarks.jar PairwiseThresholdBenchmark -f 1 -wi 3 -i 5 -jvmArgsAppend -Dbudget4j.kernels.parallelMinWork=0
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {Backends.ADD_VECTOR, Backends.NATIVE_ACCESS})
public class PairwiseThresholdBenchmark {

    @Param({"16", "32", "64", "128", "256"})
    int rows;

    @Param({"vector", "native"})
    String backend;

    FloatMatrix a;
    VectorKernels kernels;

    @Setup(Level.Trial)
    public void setUp() {
        a = FloatMatrix.of(Backends.uniform(rows * 768, 5), rows, 768);
        kernels = Backends.require(backend);
    }

    @Benchmark
    public FloatMatrix pairwiseCosine() {
        return kernels.pairwiseCosine(a, a);
    }
}
