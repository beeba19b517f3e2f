package dev.budget4j.ffi;

import dev.budget4j.kernel.Kernels;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Run without {@code --enable-native-access} (a separate surefire execution): the backend loads
 * no library, names the flag, and selection falls back to the vector backend.
 */
class NativeFallbackTest {

    @Test
    void withoutNativeAccessTheBackendNamesTheFlag() {
        String reason = Kernels.unavailableReason("native").orElseThrow();
        assertTrue(reason.contains("--enable-native-access=ALL-UNNAMED"), reason);
        assertTrue(Kernels.byName("native").isEmpty());
        assertEquals("vector", Kernels.active().name());
    }

    @Test
    void offHeapVectorsRunInJavaInstead() {
        assertFalse(OffHeapVectors.nativeCode());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = OffHeapVectors.copyOf(arena, new float[] {1, 2, 3});
            MemorySegment b = OffHeapVectors.copyOf(arena, new float[] {4, 5, 6});
            assertEquals(32f, OffHeapVectors.dot(a, b));
            assertEquals(27f, OffHeapVectors.l2Squared(a, b));
            assertEquals(32 / Math.sqrt(14.0 * 77.0), OffHeapVectors.cosine(a, b), 1e-7);
        }
    }
}
