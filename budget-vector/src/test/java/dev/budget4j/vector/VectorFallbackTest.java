package dev.budget4j.vector;

import dev.budget4j.kernel.Kernels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Run without {@code --add-modules jdk.incubator.vector} (a separate surefire execution): the
 * provider still loads, names the missing flag, and selection falls back to plain Java.
 */
class VectorFallbackTest {

    @Test
    void withoutTheIncubatorModuleTheBackendNamesTheFlagAndJavaIsUsed() {
        assertFalse(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "this test must run without --add-modules jdk.incubator.vector");
        String reason = Kernels.unavailableReason("vector").orElseThrow();
        assertTrue(reason.contains("--add-modules jdk.incubator.vector"), reason);
        assertTrue(Kernels.byName("vector").isEmpty());
        assertEquals("java", Kernels.active().name());
    }
}
