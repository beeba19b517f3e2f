package dev.budget4j.benchmarks.kernels;

import dev.budget4j.kernel.VectorKernels;
import org.apache.lucene.util.VectorUtil;
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
 * dot, cosine and squared L2 of two vectors, for every budget4j backend and Lucene's
 * {@code VectorUtil} in the same run. {@code naive} is the wrong way: one scalar accumulator,
 * so every add waits for the previous one. {@code java} is the plain-Java backend (four
 * accumulators), {@code vector} the Vector API backend, {@code native} the C backend through FFM,
 * {@code lucene} Lucene 10's {@code VectorUtil} (its Panama provider when the incubator module is
 * present).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DotBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {Backends.ADD_VECTOR, Backends.NATIVE_ACCESS})
public class DotBenchmark {

    @Param({"128", "384", "768", "1536"})
    int dims;

    @Param({"naive", "java", "vector", "native", "lucene"})
    String backend;

    float[] a;
    float[] b;
    VectorKernels kernels;

    @Setup(Level.Trial)
    public void setUp() {
        a = Backends.uniform(dims, 1);
        b = Backends.uniform(dims, 2);
        kernels = switch (backend) {
            case "naive", "lucene" -> null;
            default -> Backends.require(backend);
        };
    }

    @Benchmark
    public float dot() {
        return switch (backend) {
            case "naive" -> naiveDot(a, b);
            case "lucene" -> VectorUtil.dotProduct(a, b);
            default -> kernels.dot(a, b);
        };
    }

    @Benchmark
    public double cosine() {
        return switch (backend) {
            case "naive" -> naiveDot(a, b) / Math.sqrt((double) naiveDot(a, a) * naiveDot(b, b));
            case "lucene" -> VectorUtil.cosine(a, b);
            default -> kernels.cosine(a, b);
        };
    }

    @Benchmark
    public float l2Squared() {
        return switch (backend) {
            case "naive" -> naiveL2(a, b);
            case "lucene" -> VectorUtil.squareDistance(a, b);
            default -> kernels.l2Squared(a, b);
        };
    }

    static float naiveDot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static float naiveL2(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            float d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}
