package dev.budget4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverridesTest {
    private static final Budget CODED = Budget.parse("p99<=10ms");

    @Test
    void environmentVariableNameIsUpperCaseWithUnderscores() {
        assertEquals("BUDGET4J_BUDGET_EMBED_BATCH_V2", Overrides.environmentKey("embed-batch.v2"));
    }

    @Test
    void systemPropertyWinsOverEnvironment() {
        Overrides.Resolved r = Overrides.resolve("embed", CODED,
                Map.of("budget4j.budget.embed", "p99<=1ms")::get,
                Map.of("BUDGET4J_BUDGET_EMBED", "p99<=2ms")::get);
        assertEquals(Budget.parse("p99<=1ms"), r.budget);
        assertEquals("system property budget4j.budget.embed", r.source);
    }

    @Test
    void environmentIsUsedWithoutAProperty() {
        Overrides.Resolved r = Overrides.resolve("embed", CODED, k -> null, Map.of("BUDGET4J_BUDGET_EMBED", "p99<=2ms")::get);
        assertEquals(Budget.parse("p99<=2ms"), r.budget);
        assertEquals("environment variable BUDGET4J_BUDGET_EMBED", r.source);
    }

    @Test
    void noOverrideKeepsTheCodedBudget() {
        Overrides.Resolved r = Overrides.resolve("embed", CODED, k -> null, k -> null);
        assertEquals(CODED, r.budget);
        assertNull(r.source);
    }

    @Test
    void anOverrideThatDoesNotParseNamesItsSource() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Overrides.resolve("embed",
                CODED, k -> null, Map.of("BUDGET4J_BUDGET_EMBED", "p99<=fast")::get));
        assertTrue(e.getMessage().startsWith("environment variable BUDGET4J_BUDGET_EMBED must hold a budget"),
                e.getMessage());
    }
}
