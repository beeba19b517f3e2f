package dev.budget4j.kernel;

import dev.budget4j.kernel.internal.Args;
import dev.budget4j.kernel.internal.JavaKernels;
import dev.budget4j.kernel.internal.KernelRegistry;

import java.util.List;
import java.util.Optional;

/**
 * Finds the kernel backends once and hands them out. Preference: {@code native} (module
 * budget-native), then {@code vector} (module budget-vector), then plain {@code java}, each only
 * when installed and able to run here. The choice is logged once at INFO; an installed backend
 * that cannot run is logged once at WARN with the reason (for example a missing JVM flag).
 *
 * <p>{@code -Dbudget4j.kernels=java|vector|native} forces one backend; if it is unavailable,
 * {@link #active()} throws with the reason instead of silently using another.
 *
 * {@snippet :
 * VectorKernels k = Kernels.active();
 * double similarity = k.cosine(new float[] {1, 2, 3}, new float[] {1, 2, 4});
 * }
 */
public final class Kernels {

    /** System property that forces a backend: {@code java}, {@code vector} or {@code native}. */
    public static final String BACKEND_PROPERTY = KernelRegistry.BACKEND_PROPERTY;

    private Kernels() {
    }

    private static final class Holder {
        static final KernelRegistry REGISTRY = KernelRegistry.discover(System.getProperty(BACKEND_PROPERTY));
    }

    /**
     * The backend in use: the forced one, else the most preferred available one.
     *
     * @return the active backend
     * @throws IllegalStateException when {@code budget4j.kernels} names a backend that is
     *                               unavailable; the message gives the reason
     */
    public static VectorKernels active() {
        return Holder.REGISTRY.active();
    }

    /**
     * The plain-Java backend, always available; the reference the others are tested against.
     *
     * @return the {@code "java"} backend
     */
    public static VectorKernels java() {
        return JavaKernels.INSTANCE;
    }

    /**
     * Every backend that can run here, most preferred first; {@code java} is always last.
     *
     * @return an unmodifiable list, never empty
     */
    public static List<VectorKernels> available() {
        return Holder.REGISTRY.available();
    }

    /**
     * An available backend by name, for tools that compare backends (such as an optimization
     * ladder).
     *
     * @param backendName {@code "java"}, {@code "vector"} or {@code "native"}
     * @return the backend, or empty when it is not available
     */
    public static Optional<VectorKernels> byName(String backendName) {
        Args.notNull(backendName, "backendName");
        return Holder.REGISTRY.byName(backendName);
    }

    /**
     * Why a backend cannot be used.
     *
     * @param backendName {@code "java"}, {@code "vector"} or {@code "native"}
     * @return empty when the backend is available; otherwise the reason (also when no such
     * backend is installed)
     */
    public static Optional<String> unavailableReason(String backendName) {
        Args.notNull(backendName, "backendName");
        return Holder.REGISTRY.unavailableReason(backendName);
    }
}
