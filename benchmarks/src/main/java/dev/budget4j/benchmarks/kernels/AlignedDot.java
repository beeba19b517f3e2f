package dev.budget4j.benchmarks.kernels;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * An experiment, not a kernel: the vector backend's dot-product loop (four accumulators, whole
 * vectors, scalar tail) reading two native segments that start on a 64-byte cache line, instead
 * of two heap arrays, which are only 8-byte aligned. It measures what cache-line aligned vector
 * storage would be worth before any API is built for it ({@link KernelCpuTime}'s {@code aligned}
 * mode puts it beside Lucene and the vector backend on heap arrays).
 */
final class AlignedDot {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private AlignedDot() {
    }

    /** {@return a copy of {@code values} in native memory that starts on a 64-byte boundary and lives as long as the JVM} */
    static MemorySegment aligned(float[] values) {
        MemorySegment s = Arena.global().allocate((long) values.length * Float.BYTES, 64);
        MemorySegment.copy(values, 0, s, ValueLayout.JAVA_FLOAT, 0, values.length);
        return s;
    }

    /** {@return the dot product of the first {@code n} floats of {@code a} and {@code b}} */
    static float dot(MemorySegment a, MemorySegment b, int n) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        FloatVector acc2 = FloatVector.zero(S);
        FloatVector acc3 = FloatVector.zero(S);
        int limit = S.loopBound(n);
        int i = 0;
        for (int unrolled = limit - 3 * L; i < unrolled; i += 4 * L) {
            long o = (long) i * Float.BYTES;
            acc0 = load(a, o).fma(load(b, o), acc0);
            acc1 = load(a, o + L * 4L).fma(load(b, o + L * 4L), acc1);
            acc2 = load(a, o + L * 8L).fma(load(b, o + L * 8L), acc2);
            acc3 = load(a, o + L * 12L).fma(load(b, o + L * 12L), acc3);
        }
        for (; i < limit; i += L) {
            long o = (long) i * Float.BYTES;
            acc0 = load(a, o).fma(load(b, o), acc0);
        }
        float sum = acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            long o = (long) i * Float.BYTES;
            sum = Math.fma(a.get(ValueLayout.JAVA_FLOAT, o), b.get(ValueLayout.JAVA_FLOAT, o), sum);
        }
        return sum;
    }

    /**
     * {@return the same dot product with the loop counted in bytes, as a {@code long}}: the loop
     * shape C2 can take range checks on a segment's {@code long} offsets out of (long counted
     * loops), in case the {@code int} loop above keeps one check per load.
     */
    static float dotLongIndex(MemorySegment a, MemorySegment b, int n) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        FloatVector acc2 = FloatVector.zero(S);
        FloatVector acc3 = FloatVector.zero(S);
        long step = (long) L * Float.BYTES;
        long end = (long) S.loopBound(n) * Float.BYTES;
        long o = 0;
        for (long unrolled = end - 3 * step; o < unrolled; o += 4 * step) {
            acc0 = load(a, o).fma(load(b, o), acc0);
            acc1 = load(a, o + step).fma(load(b, o + step), acc1);
            acc2 = load(a, o + 2 * step).fma(load(b, o + 2 * step), acc2);
            acc3 = load(a, o + 3 * step).fma(load(b, o + 3 * step), acc3);
        }
        for (; o < end; o += step) {
            acc0 = load(a, o).fma(load(b, o), acc0);
        }
        float sum = acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
        for (; o < (long) n * Float.BYTES; o += Float.BYTES) {
            sum = Math.fma(a.get(ValueLayout.JAVA_FLOAT, o), b.get(ValueLayout.JAVA_FLOAT, o), sum);
        }
        return sum;
    }

    private static FloatVector load(MemorySegment s, long offset) {
        return FloatVector.fromMemorySegment(S, s, offset, ORDER);
    }
}
