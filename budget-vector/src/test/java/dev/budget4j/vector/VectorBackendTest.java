package dev.budget4j.vector;

import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Run with {@code --add-modules jdk.incubator.vector}: the vector backend must really be there. */
class VectorBackendTest {

    @Test
    void theVectorBackendIsAvailableAndActive() {
        assertTrue(Kernels.unavailableReason("vector").isEmpty(), () -> Kernels.unavailableReason("vector").get());
        VectorKernels k = Kernels.byName("vector").orElseThrow();
        assertEquals("vector", k.name());
        assertEquals("dev.budget4j.vector.internal.PanamaVectorKernels", k.getClass().getName());
        assertEquals(k, Kernels.available().get(0));
        assertEquals(k, Kernels.active());
        assertEquals(32f, k.dot(new float[] {1, 2, 3}, new float[] {4, 5, 6}));
    }
}
