package dev.budget4j.benchmarks.kernels;

import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;

import java.util.SplittableRandom;

/** Shared set-up of the kernel benchmarks. */
final class Backends {
    private Backends() {
    }

    /** JVM flags every kernel benchmark fork needs: the Vector API module and native access. */
    static final String ADD_VECTOR = "--add-modules=jdk.incubator.vector";
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /**
     * The named backend; fails the benchmark (instead of quietly measuring another backend) when
     * it is unavailable.
     */
    static VectorKernels require(String name) {
        return Kernels.byName(name).orElseThrow(() -> new IllegalStateException(
                "backend '" + name + "' unavailable: " + Kernels.unavailableReason(name).orElse("?")));
    }

    static float[] uniform(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }
}
