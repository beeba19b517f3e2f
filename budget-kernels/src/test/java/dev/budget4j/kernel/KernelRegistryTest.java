package dev.budget4j.kernel;

import dev.budget4j.kernel.internal.KernelRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Selection rules of the kernel registry, independent of which backends are installed. */
class KernelRegistryTest {

    @Test
    void forcingJavaAlwaysWorks() {
        assertEquals("java", KernelRegistry.discover("java").active().name());
        assertEquals("java", KernelRegistry.discover(" JAVA ").active().name());
    }

    @Test
    void noForcingPicksTheFirstAvailable() {
        KernelRegistry r = KernelRegistry.discover(null);
        assertEquals(r.available().get(0), r.active());
        assertEquals("java", r.available().get(r.available().size() - 1).name());
    }

    @Test
    void forcingAnUnknownBackendThrowsWithTheReasonOnEveryCall() {
        KernelRegistry r = KernelRegistry.discover("quantum");
        IllegalStateException e = assertThrows(IllegalStateException.class, r::active);
        assertTrue(e.getMessage().startsWith("budget4j.kernels=quantum was requested but that backend is unavailable: "
                + "no provider named 'quantum' is installed"), e.getMessage());
        assertThrows(IllegalStateException.class, r::active);
        assertTrue(r.unavailableReason("quantum").isPresent());
    }
}
