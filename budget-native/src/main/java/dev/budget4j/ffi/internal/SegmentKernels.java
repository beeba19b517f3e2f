package dev.budget4j.ffi.internal;

import dev.budget4j.kernel.internal.PlainLoops;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * The loops behind {@link dev.budget4j.ffi.OffHeapVectors}: the native backend's C kernels on
 * memory segments whose arguments the caller has checked (same length {@code n}, each holding
 * {@code n} floats at float alignment). Vectors longer than
 * {@link NativeKernels#MAX_LENGTH_PER_CALL} are summed over several calls, so that no critical
 * call holds off a safepoint for long. When the library, or one of its functions, is missing, the
 * same sums run in Java.
 */
public final class SegmentKernels {

    private SegmentKernels() {
    }

    /** {@return the dot product of the first {@code n} floats of {@code a} and {@code b}} */
    public static float dot(MemorySegment a, MemorySegment b, long n) {
        if (Natives.DOT == null) {
            return javaDot(a, b, n);
        }
        float s = 0;
        for (long i = 0; i < n; i += NativeKernels.MAX_LENGTH_PER_CALL) {
            long len = Math.min(NativeKernels.MAX_LENGTH_PER_CALL, n - i);
            try {
                // offsets in floats, as the C function takes them
                s += (float) Natives.DOT.invokeExact(a, i, b, i, len);
            } catch (Throwable t) {
                throw Natives.rethrow(t);
            }
        }
        return s;
    }

    /** {@return the squared Euclidean distance of the first {@code n} floats of {@code a} and {@code b}} */
    public static float l2Squared(MemorySegment a, MemorySegment b, long n) {
        if (Natives.L2SQ == null) {
            return javaL2Squared(a, b, n);
        }
        float s = 0;
        for (long i = 0; i < n; i += NativeKernels.MAX_LENGTH_PER_CALL) {
            long len = Math.min(NativeKernels.MAX_LENGTH_PER_CALL, n - i);
            try {
                s += (float) Natives.L2SQ.invokeExact(a, i, b, i, len);
            } catch (Throwable t) {
                throw Natives.rethrow(t);
            }
        }
        return s;
    }

    /** {@return the cosine of the first {@code n} floats of {@code a} and {@code b}, 0 when either is zero} */
    public static double cosine(MemorySegment a, MemorySegment b, long n) {
        if (Natives.COSINE == null || n > NativeKernels.MAX_LENGTH_PER_CALL) {
            return PlainLoops.finishCosine(dot(a, b, n), dot(a, a, n), dot(b, b, n));
        }
        try {
            return (double) Natives.COSINE.invokeExact(a, b, n);
        } catch (Throwable t) {
            throw Natives.rethrow(t);
        }
    }

    private static float javaDot(MemorySegment a, MemorySegment b, long n) {
        float s = 0;
        for (long i = 0; i < n; i++) {
            s += a.getAtIndex(JAVA_FLOAT, i) * b.getAtIndex(JAVA_FLOAT, i);
        }
        return s;
    }

    private static float javaL2Squared(MemorySegment a, MemorySegment b, long n) {
        float s = 0;
        for (long i = 0; i < n; i++) {
            float d = a.getAtIndex(JAVA_FLOAT, i) - b.getAtIndex(JAVA_FLOAT, i);
            s += d * d;
        }
        return s;
    }
}
