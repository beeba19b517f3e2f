package dev.budget4j.ffi;

import dev.budget4j.ffi.internal.SegmentKernels;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * Dot product, cosine and squared Euclidean distance of {@code float} vectors held in memory
 * segments (off the heap, or memory-mapped from a file), computed by the native backend's C
 * kernels, plus a way to store vectors so that those kernels read them fastest.
 *
 * <h2>Why off-heap storage</h2>
 * A dot product of two 768-float vectors that sit in the L1 cache is bound by loads: 192 loads of
 * 32 bytes at two per cycle. A heap {@code float[]} starts only 8 bytes past an 8-byte boundary,
 * so about every other 32-byte load straddles two cache lines and costs two; no loop over heap
 * arrays, Lucene's {@code VectorUtil} included, gets under that floor. Vectors stored by
 * {@link #allocate(Arena, long)} or {@link #copyOf(Arena, float[])} start on a 64-byte cache line,
 * and when every vector of a store has a length that is a multiple of 16 floats, so do all the
 * rows of a matrix allocated in one block. Any float-aligned segment is accepted; aligned ones are
 * faster (figures in {@code docs/performance.md}).
 *
 * <h2>Results</h2>
 * The same bound as {@link dev.budget4j.kernel.VectorKernels}: a float sum of {@code n} products,
 * within {@code n * 2^-24 * sum(|a[i] * b[i]|) + n * Float.MIN_VALUE} of the exact value; not
 * bit-identical to the array backends. Vectors longer than 2^20 floats are summed in several
 * native calls, so no call holds off the JVM's safepoints for long.
 *
 * <h2>Availability</h2>
 * Where the native library cannot be used (see {@link NativeKernelProvider}: another OS or CPU, no
 * bundled library, native access not enabled), every method still works, with the same sums in
 * Java; {@link #nativeCode()} says which.
 *
 * <p>Arguments are checked before any native call: a {@code null} segment throws
 * {@link NullPointerException}; a segment whose size is not a whole number of floats, two
 * segments of different sizes, or a segment whose address is not a multiple of 4 bytes throws
 * {@link IllegalArgumentException} naming the parameter, the rule and the value; a segment whose
 * arena is closed, or that belongs to another thread's confined arena, throws
 * {@link IllegalStateException} or {@link WrongThreadException}. Thread-safe; no state.
 */
public final class OffHeapVectors {

    /** The alignment of the memory {@link #allocate} returns: one cache line. */
    public static final long ALIGNMENT = 64;

    private OffHeapVectors() {
    }

    /**
     * Allocates room for {@code floats} floats, zero-filled, starting on a 64-byte cache line.
     *
     * @param arena  the arena that owns the memory (and frees it when closed)
     * @param floats number of floats, {@code >= 0}
     * @return the segment, {@code floats * 4} bytes long
     * @throws IllegalArgumentException when {@code floats} is negative or its byte size overflows
     */
    public static MemorySegment allocate(Arena arena, long floats) {
        Objects.requireNonNull(arena, "arena");
        if (floats < 0 || floats > Long.MAX_VALUE / Float.BYTES) {
            throw new IllegalArgumentException("floats must be in [0, " + Long.MAX_VALUE / Float.BYTES + "], but was " + floats);
        }
        return arena.allocate(floats * Float.BYTES, ALIGNMENT);
    }

    /**
     * Copies a vector into memory that starts on a 64-byte cache line.
     *
     * @param arena  the arena that owns the copy
     * @param values the vector
     * @return a new segment of {@code values.length * 4} bytes holding the values
     */
    public static MemorySegment copyOf(Arena arena, float[] values) {
        Objects.requireNonNull(values, "values");
        MemorySegment s = allocate(arena, values.length);
        MemorySegment.copy(values, 0, s, JAVA_FLOAT, 0, values.length);
        return s;
    }

    /**
     * Dot product {@code sum(a[i] * b[i])}, accumulated in float.
     *
     * @param a first vector, a whole number of floats
     * @param b second vector, the same size
     * @return the dot product; {@code 0} for empty vectors
     */
    public static float dot(MemorySegment a, MemorySegment b) {
        return SegmentKernels.dot(a, b, length(a, b));
    }

    /**
     * Cosine similarity {@code dot(a, b) / (|a| * |b|)}: the three sums in float, the division and
     * square root in {@code double}, as the array backends do.
     *
     * @param a first vector, a whole number of floats
     * @param b second vector, the same size
     * @return a value in about {@code [-1, 1]}; {@code 0} when either vector is zero (or empty)
     */
    public static double cosine(MemorySegment a, MemorySegment b) {
        return SegmentKernels.cosine(a, b, length(a, b));
    }

    /**
     * Squared Euclidean distance {@code sum((a[i] - b[i])^2)}.
     *
     * @param a first vector, a whole number of floats
     * @param b second vector, the same size
     * @return the squared distance, {@code >= 0}
     */
    public static float l2Squared(MemorySegment a, MemorySegment b) {
        return SegmentKernels.l2Squared(a, b, length(a, b));
    }

    /**
     * Whether the calls run in C.
     *
     * @return true when the native library is loaded; false when they run in Java
     */
    public static boolean nativeCode() {
        return dev.budget4j.ffi.internal.Natives.unavailableReason().isEmpty();
    }

    /** The common length in floats, after checking both segments. */
    private static long length(MemorySegment a, MemorySegment b) {
        long n = floats(a, "a");
        long m = floats(b, "b");
        if (n != m) {
            throw new IllegalArgumentException("b must have the same size as a (" + a.byteSize() + " bytes), but has " + b.byteSize()
                    + " bytes");
        }
        return n;
    }

    private static long floats(MemorySegment s, String name) {
        Objects.requireNonNull(s, name);
        if (s.byteSize() % Float.BYTES != 0) {
            throw new IllegalArgumentException(name + " must hold a whole number of floats (a multiple of 4 bytes), but has "
                    + s.byteSize() + " bytes");
        }
        if (s.maxByteAlignment() < Float.BYTES) {
            throw new IllegalArgumentException(name + " must start at a multiple of 4 bytes (float alignment), but its alignment is "
                    + s.maxByteAlignment() + " byte(s)");
        }
        return s.byteSize() / Float.BYTES;
    }
}
