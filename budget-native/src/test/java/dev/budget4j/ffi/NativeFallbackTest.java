package dev.budget4j.ffi;

import dev.budget4j.kernel.Kernels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
