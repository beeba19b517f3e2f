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
 * All cosines between two sets of 10,000 vectors of 768 floats (2 * 10^4 * 10^4 * 768 =
 * 1.536 * 10^11 floating-point operations per call, a 400 MB result), parallel on both cores.
 * GFLOP/s = 153.6 / (seconds per call). Each fork first runs the kernel on small matrices so
 * that C2 compiles it as a whole method; a cold first call on the full matrices would run as an
 * on-stack-replacement loop.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PairwiseCosineBenchmark -f 1 -wi 2 -i 3}
 * (the {@code java} backend takes tens of seconds per call: add {@code -p backend=vector,native}
 * to skip it). The anchor, NumPy's {@code matmul} of the normalized rows on the same shapes, is
 * {@code python3 benchmarks/scripts/numpy_pairwise.py}: run it in the same sitting and compare
 * ratios. On a machine shared with other work, {@link KernelCpuTime} gives the same kernel's
 * figures in CPU time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {Backends.ADD_VECTOR, Backends.NATIVE_ACCESS, "-Xmx4g"})
public class PairwiseCosineBenchmark {

    @Param({"10000"})
    int rows;

    @Param({"768"})
    int dims;

    @Param({"java", "vector", "native"})
    String backend;

    FloatMatrix a;
    FloatMatrix b;
    FloatMatrix out;
    VectorKernels kernels;

    @Setup(Level.Trial)
    public void setUp() {
        a = FloatMatrix.of(Backends.uniform(rows * dims, 5), rows, dims);
        b = FloatMatrix.of(Backends.uniform(rows * dims, 6), rows, dims);
        out = new FloatMatrix(rows, rows);
        kernels = Backends.require(backend);
        FloatMatrix small = FloatMatrix.of(Backends.uniform(96 * dims, 7), 96, dims);
        for (int i = 0; i < 200; i++) {
            kernels.pairwiseCosine(small, small);
        }
    }

    /** Allocates its 400 MB result per call, as a first use would; the allocation is timed too. */
    @Benchmark
    public FloatMatrix pairwiseCosine() {
        return kernels.pairwiseCosine(a, b);
    }

    /** Into a preallocated result: the kernel alone (packing of the right matrix included). */
    @Benchmark
    public FloatMatrix pairwiseCosineInto() {
        kernels.pairwiseCosine(a, b, out);
        return out;
    }
}
