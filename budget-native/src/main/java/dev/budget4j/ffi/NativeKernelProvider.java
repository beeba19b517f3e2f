package dev.budget4j.ffi;

import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.kernel.spi.KernelProvider;

import java.util.Optional;

/**
 * Provides the {@code "native"} backend to {@link dev.budget4j.kernel.Kernels}: C kernels bundled
 * in this jar for {@code linux-x86_64} (a baseline x86-64 build, an AVX2+FMA build and an AVX-512
 * build, chosen at load time from what the CPU reports), called through the FFM API.
 *
 * <p>The backend is unavailable, with the reason, on another OS or architecture, when the jar was
 * built without gcc (it then holds no library), and when native access is not enabled: start the
 * JVM with {@code --enable-native-access=ALL-UNNAMED} (class path) or
 * {@code --enable-native-access=dev.budget4j.ffi} (module path).
 *
 * <p>Properties: {@code budget4j.native.library=<file>} loads that library instead of the bundled
 * ones; {@code budget4j.native.variant=x86-64|avx2|avx512} caps the variant picked.
 */
public final class NativeKernelProvider implements KernelProvider {

    /** Creates the provider; cheap, loads nothing. */
    public NativeKernelProvider() {
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public int priority() {
        return 200;
    }

    @Override
    public Optional<String> unavailableReason() {
        return dev.budget4j.ffi.internal.Natives.unavailableReason();
    }

    @Override
    public VectorKernels create() {
        return new dev.budget4j.ffi.internal.NativeKernels();
    }
}
