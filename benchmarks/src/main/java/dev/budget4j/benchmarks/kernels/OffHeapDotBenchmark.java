package dev.budget4j.benchmarks.kernels;

import dev.budget4j.ffi.OffHeapVectors;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

/**
 * One dot product on cache-line aligned vectors off the heap ({@link OffHeapVectors}, the native
 * backend's C loop) against Lucene's {@code VectorUtil} on heap arrays holding the same values,
 * and the vector backend on the same heap arrays. Each fork is a new JVM, which places the heap
 * arrays at new offsets from a cache line, so run several forks: a heap figure depends on where
 * its launch put the arrays, the aligned one does not.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OffHeapDotBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {Backends.ADD_VECTOR, Backends.NATIVE_ACCESS})
public class OffHeapDotBenchmark {

    @Param({"384", "768"})
    int dims;

    float[] a;
    float[] b;
    private Arena arena;
    private MemorySegment sa;
    private MemorySegment sb;
    private dev.budget4j.kernel.VectorKernels vector;

    @Setup(Level.Trial)
    public void setUp() {
        a = Backends.uniform(dims, 1);
        b = Backends.uniform(dims, 2);
        arena = Arena.ofConfined();
        sa = OffHeapVectors.copyOf(arena, a);
        sb = OffHeapVectors.copyOf(arena, b);
        vector = Backends.require("vector");
        if (!OffHeapVectors.nativeCode()) {
            throw new IllegalStateException("the native library is not loaded: the off-heap figure would be the Java fallback's");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public float luceneHeap() {
        return VectorUtil.dotProduct(a, b);
    }

    @Benchmark
    public float vectorHeap() {
        return vector.dot(a, b);
    }

    @Benchmark
    public float nativeOffHeapAligned() {
        return OffHeapVectors.dot(sa, sb);
    }
}
