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
    private FloatOp dot;
    private DoubleOp cosine;
    private FloatOp l2;

    /** A two-vector operation, chosen once per trial so the measured call has no dispatch of ours. */
    @FunctionalInterface
    interface FloatOp {
        float apply(float[] a, float[] b);
    }

    /** As {@link FloatOp}, with a double result. */
    @FunctionalInterface
    interface DoubleOp {
        double apply(float[] a, float[] b);
    }

    @Setup(Level.Trial)
    public void setUp() {
        a = Backends.uniform(dims, 1);
        b = Backends.uniform(dims, 2);
        switch (backend) {
            case "naive" -> {
                dot = DotBenchmark::naiveDot;
                cosine = (x, y) -> naiveDot(x, y) / Math.sqrt((double) naiveDot(x, x) * naiveDot(y, y));
                l2 = DotBenchmark::naiveL2;
            }
            case "lucene" -> {
                dot = VectorUtil::dotProduct;
                cosine = VectorUtil::cosine;
                l2 = VectorUtil::squareDistance;
            }
            default -> {
                VectorKernels kernels = Backends.require(backend);
                dot = kernels::dot;
                cosine = kernels::cosine;
                l2 = kernels::l2Squared;
            }
        }
    }

    @Benchmark
    public float dot() {
        return dot.apply(a, b);
    }

    @Benchmark
    public double cosine() {
        return cosine.apply(a, b);
    }

    @Benchmark
    public float l2Squared() {
        return l2.apply(a, b);
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
