package dev.budget4j.ffi;

import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Run with native access enabled: the native backend must really be loaded, and preferred. */
class NativeBackendTest {

    @Test
    void theNativeBackendIsAvailableAndActive() {
        assertTrue(Kernels.unavailableReason("native").isEmpty(), () -> Kernels.unavailableReason("native").get());
        VectorKernels k = Kernels.byName("native").orElseThrow();
        assertEquals("native", k.name());
        assertEquals("dev.budget4j.ffi.internal.NativeKernels", k.getClass().getName());
        assertEquals(k, Kernels.available().get(0));
        assertEquals(k, Kernels.active());
        assertEquals(32f, k.dot(new float[] {1, 2, 3}, new float[] {4, 5, 6}));
        // Every function is native, the int8 ones (a second C source) included: none falls back to Java.
        assertEquals(java.util.List.of(), dev.budget4j.ffi.internal.Natives.missingSymbols());
        String expected = System.getProperty("budget4j.native.expectVariant");
        if (expected != null) {
            assertEquals("VectorKernels[native, " + expected + "]", k.toString());
        }
    }

    @Test
    void theVectorBackendIsOnTheTestPathToo() {
        assertEquals("vector", Kernels.byName("vector").orElseThrow().name());
        assertEquals("vector", Kernels.available().get(1).name());
    }
}
