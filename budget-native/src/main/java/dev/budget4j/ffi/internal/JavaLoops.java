package dev.budget4j.ffi.internal;

/** Plain loops for a native function the loaded library lacks (four accumulators). */
final class JavaLoops {
    private JavaLoops() {
    }

    static float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int end = n & ~3; i < end; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static float l2Squared(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0, s1 = 0;
        int i = 0;
        for (int end = n & ~1; i < end; i += 2) {
            float d0 = a[ao + i] - b[bo + i];
            float d1 = a[ao + i + 1] - b[bo + i + 1];
            s0 += d0 * d0;
            s1 += d1 * d1;
        }
        for (; i < n; i++) {
            float d = a[ao + i] - b[bo + i];
            s0 += d * d;
        }
        return s0 + s1;
    }
}
