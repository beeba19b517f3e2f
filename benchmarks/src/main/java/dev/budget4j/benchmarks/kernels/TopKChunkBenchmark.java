package dev.budget4j.benchmarks.kernels;

import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.rag.Chunker;
import dev.budget4j.rag.TextChunk;
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

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * top-k of 100,000 scores with the bounded heap every backend shares, against the wrong way (sort
 * all indices, take k); and chunking 1 MiB of text that holds surrogate pairs into 512-code-point
 * windows overlapping by 64 with the RAG example's {@link Chunker} (text handling, not a kernel,
 * measured here beside top-k as before).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TopKChunkBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {Backends.ADD_VECTOR, Backends.NATIVE_ACCESS})
public class TopKChunkBenchmark {

    @Param({"10", "100"})
    int k;

    float[] scores;
    String text;
    VectorKernels kernels;

    @Setup(Level.Trial)
    public void setUp() {
        scores = Backends.uniform(100_000, 8);
        SplittableRandom r = new SplittableRandom(9);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < (1 << 20)) {
            int x = r.nextInt(20);
            sb.append(x == 0 ? "\uD83D\uDE00" : x == 1 ? " " : String.valueOf((char) ('a' + x)));
        }
        text = sb.toString();
        kernels = Kernels.active();
    }

    @Benchmark
    public int[] topK() {
        return kernels.topK(scores, k);
    }

    @Benchmark
    public int[] topKBySorting() {
        Integer[] idx = new Integer[scores.length];
        Arrays.setAll(idx, i -> i);
        Arrays.sort(idx, (x, y) -> {
            int c = Float.compare(scores[y], scores[x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    @Benchmark
    public List<TextChunk> chunk() {
        return Chunker.chunk(text, 512, 64);
    }
}
