package dev.budget4j.benchmarks.kernels;

import dev.budget4j.kernel.FloatMatrix;
import dev.budget4j.kernel.VectorKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
import java.util.stream.IntStream;

/**
 * One query scored against 100,000 rows of 384 floats (153.6 MB, far larger than the caches),
 * for every backend, next to {@code readBound}: the same rows only summed, by two threads, with
 * the widest vectors; the time a scoring pass cannot beat because it must read every byte once.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScoreAllBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {Backends.ADD_VECTOR, Backends.NATIVE_ACCESS, "-Xmx2g"})
public class ScoreAllBenchmark {

    static final int ROWS = 100_000;
    static final int DIMS = 384;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Param({"java", "vector", "native"})
    String backend;

    FloatMatrix rows;
    float[] query;
    float[] out;
    VectorKernels kernels;

    @Setup(Level.Trial)
    public void setUp() {
        rows = FloatMatrix.of(Backends.uniform(ROWS * DIMS, 3), ROWS, DIMS);
        query = Backends.uniform(DIMS, 4);
        out = new float[ROWS];
        kernels = Backends.require(backend);
    }

    @Benchmark
    public float[] scoreAll() {
        kernels.scoreAll(query, rows, out);
        return out;
    }

    /** The memory-bandwidth bound: read the same 153.6 MB on both cores, doing almost nothing. */
    @Benchmark
    public float readBound() {
        float[] data = rows.data();
        int half = data.length / 2;
        return (float) IntStream.range(0, 2).parallel()
                .mapToDouble(t -> sum(data, t * half, t == 0 ? half : data.length))
                .sum();
    }

    private static float sum(float[] data, int from, int to) {
        FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S), a2 = FloatVector.zero(S), a3 = FloatVector.zero(S);
        int l = S.length();
        int i = from;
        for (; i + 4 * l <= to; i += 4 * l) {
            a0 = a0.add(FloatVector.fromArray(S, data, i));
            a1 = a1.add(FloatVector.fromArray(S, data, i + l));
            a2 = a2.add(FloatVector.fromArray(S, data, i + 2 * l));
            a3 = a3.add(FloatVector.fromArray(S, data, i + 3 * l));
        }
        float s = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            s += data[i];
        }
        return s;
    }
}
