package dev.budget4j.vector;

import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.kernel.spi.KernelProvider;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * Provides the {@code "vector"} backend to {@link dev.budget4j.kernel.Kernels}. This class names
 * no Vector API type: it checks that {@code jdk.incubator.vector} is in the module graph and only
 * then loads the kernels by name, so a JVM started without
 * {@code --add-modules jdk.incubator.vector} loads this class fine and reports the missing flag.
 *
 * <p>Tuning properties: {@code budget4j.vector.fma=true|false} overrides the fused multiply-add
 * choice (default: on when the JVM's {@code UseFMA} flag is on); {@code budget4j.vector.bits}
 * caps the vector width in bits (128, 256 or 512; default the JVM's preferred width).
 */
public final class VectorKernelProvider implements KernelProvider {

    /** The name of the JVM module the backend needs. */
    public static final String MODULE = "jdk.incubator.vector";

    private static final String IMPL = "dev.budget4j.vector.internal.PanamaVectorKernels";

    /** Creates the provider; cheap, touches nothing optional. */
    public VectorKernelProvider() {
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Optional<String> unavailableReason() {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return Optional.of("module " + MODULE + " is not in the module graph; start the JVM with --add-modules "
                    + MODULE);
        }
        return Optional.empty();
    }

    @Override
    public VectorKernels create() {
        try {
            return (VectorKernels) Class.forName(IMPL, true, VectorKernelProvider.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the vector kernels failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the vector kernels could not be loaded: " + e, e);
        }
    }
}
