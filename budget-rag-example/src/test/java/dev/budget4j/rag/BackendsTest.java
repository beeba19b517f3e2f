package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.kernel.Kernels;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The tests of this module run with every backend the build asks for: a silent fallback fails here. */
class BackendsTest {

    @Test
    void requiredBackendsAreActiveInTheseTests() {
        String required = System.getProperty("rag.requireBackends", "");
        for (String name : Arrays.stream(required.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            assertTrue(Backends.available().contains(name), name + " must be available to these tests, but is not: "
                    + Kernels.unavailableReason(name).orElse("?") + " (available: " + Backends.available() + ")");
        }
        assertEquals("java", Backends.available().get(Backends.available().size() - 1), "plain Java is always last");
    }

    @Test
    void anUnknownBackendNamesTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.byName("gpu"));
        assertTrue(e.getMessage().startsWith("backend 'gpu' must be available in this JVM, but is not: "), e.getMessage());
    }

    @Test
    void plainJavaIsTheLadderRungPlain() {
        assertEquals("plain", Backends.rungName(Kernels.java()));
    }
}
