package dev.budget4j.kernel.spi;

import dev.budget4j.kernel.VectorKernels;

import java.util.Optional;

/**
 * Plugs a kernel backend into {@link dev.budget4j.kernel.Kernels}. Found with
 * {@link java.util.ServiceLoader} (module {@code provides}, or {@code META-INF/services} on the
 * class path). The plain-Java backend is built in and has no provider.
 *
 * <p>A provider must be cheap to construct and must not touch optional platform features
 * (incubator modules, native libraries) from its own class: it checks them in
 * {@link #unavailableReason()} and only then, in {@link #create()}, loads the classes that use
 * them. That way a missing feature makes the backend unavailable instead of breaking class
 * loading.
 */
public interface KernelProvider {

    /**
     * The backend's name, as used by {@code -Dbudget4j.kernels=<name>}.
     *
     * @return a short lower-case name such as {@code "vector"} or {@code "native"}
     */
    String name();

    /**
     * Preference when several backends are available: the highest wins. The built-in plain-Java
     * backend has priority {@code 0}; budget-vector uses {@code 100}, budget-native {@code 200}.
     *
     * @return the priority, any int
     */
    int priority();

    /**
     * Why this backend cannot run here, if it cannot.
     *
     * @return empty when {@link #create()} may be called; otherwise a reason a user can act on
     * (for example the missing JVM flag)
     */
    Optional<String> unavailableReason();

    /**
     * Builds the backend. Called at most once, and only when {@link #unavailableReason()} is
     * empty.
     *
     * @return a thread-safe backend whose {@link VectorKernels#name()} equals {@link #name()}
     * @throws RuntimeException if the backend fails to start; it is then reported unavailable
     *                          with the exception's message
     */
    VectorKernels create();
}
