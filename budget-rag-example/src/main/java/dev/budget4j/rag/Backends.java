package dev.budget4j.rag;

import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import java.util.List;

/**
 * budget4j's kernel backends by name ({@code java}, {@code vector}, {@code native}): what can run
 * here and which one a run uses.
 */
final class Backends {
    private Backends() {
    }

    /** @return names of the backends that can run in this JVM, most preferred first ({@code java} last) */
    static List<String> available() {
        return Kernels.available().stream().map(VectorKernels::name).toList();
    }

    /**
     * A backend by name.
     *
     * @param name {@code java}, {@code vector} or {@code native}; null for {@link Kernels#active()}
     * @return the backend
     * @throws IllegalArgumentException when the backend cannot run here, with the reason
     */
    static VectorKernels byName(String name) {
        if (name == null) {
            return Kernels.active();
        }
        return Kernels.byName(name).orElseThrow(() -> new IllegalArgumentException("backend '" + name
                + "' must be available in this JVM, but is not: " + Kernels.unavailableReason(name).orElse("unknown")));
    }

    /** @return true when {@code -Dbudget4j.kernels=...} forces the active backend */
    static boolean forcedByProperty() {
        String p = System.getProperty(Kernels.BACKEND_PROPERTY);
        return p != null && !p.isBlank();
    }

    /** The ladder's name for a backend: the plain-Java one is the rung {@code plain}. */
    static String rungName(VectorKernels k) {
        return k.name().equals("java") ? "plain" : k.name();
    }
}
