package dev.budget4j.benchmarks.kernels;

import dev.budget4j.kernel.FloatMatrix;
import dev.budget4j.kernel.QuantizedMatrix;
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
 * The RAG example's search, 8,825 rows of 384 unit floats (13.5 MB) and top 5, scored in float
 * ({@code scoreAll} + {@code topK}) and in int8 ({@code topKInt8}, 3.4 MB of codes, 20 candidates
 * re-ranked in float), in the two places a search runs:
 * <ul>
 *   <li>{@code *Warm}: back to back, the index warm in the caches — what a ladder measuring in a
 *       loop sees, and the wrong figure for a pipeline;</li>
 *   <li>{@code *Evicted}: after {@code evictOnly}'s work (a pass over 64 MiB, as an embedding call
 *       between two searches does) — subtract {@code evictOnly}, the baseline, to get the search
 *       where it runs.</li>
 * </ul>
 * The float scan reads four times the bytes of the int8 one; evicted, that difference is what the
 * search costs.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Int8SearchBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {Backends.ADD_VECTOR, Backends.NATIVE_ACCESS, "-Xmx2g"})
public class Int8SearchBenchmark {

    static final int ROWS = 8_825;
    static final int DIMS = 384;
    static final int K = 5;
    static final int OVERSAMPLE = 4;

    @Param({"java", "vector", "native"})
    String backend;

    FloatMatrix rows;
    QuantizedMatrix codes;
    float[] query;
    byte[] evict;
    VectorKernels kernels;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = Backends.require(backend);
        rows = FloatMatrix.of(Backends.uniform(ROWS * DIMS, 5), ROWS, DIMS);
        float[] row = new float[DIMS];
        for (int r = 0; r < ROWS; r++) {
            System.arraycopy(rows.data(), r * DIMS, row, 0, DIMS);
            kernels.normalize(row);
            System.arraycopy(row, 0, rows.data(), r * DIMS, DIMS);
        }
        codes = QuantizedMatrix.of(rows);
        query = rows.row(17);
        evict = new byte[64 << 20];
    }

    /** The baseline: the work between two searches, alone. */
    @Benchmark
    public int evictOnly() {
        int s = 0;
        for (int i = 0; i < evict.length; i += 64) {
            s += ++evict[i];
        }
        return s;
    }

    @Benchmark
    public int[] floatWarm() {
        float[] scores = new float[ROWS];
        kernels.scoreAll(query, rows, scores);
        return kernels.topK(scores, K);
    }

    @Benchmark
    public int[] int8Warm() {
        return kernels.topKInt8(query, codes, K, OVERSAMPLE);
    }

    @Benchmark
    public int[] floatEvicted() {
        query[0] += evictOnly() == 42 ? 1e-9f : 0f; // keeps the eviction alive
        return floatWarm();
    }

    @Benchmark
    public int[] int8Evicted() {
        query[0] += evictOnly() == 42 ? 1e-9f : 0f;
        return int8Warm();
    }
}
