package com.example.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Verdict;
import org.junit.jupiter.api.Test;

class GettingStartedTest {
    @Test
    void theGuideRunsAndChecksEveryDimension() {
        Verdict v = GettingStarted.run();
        assertEquals("tokenize", v.stage());
        assertEquals(4, v.checks().size());
        assertTrue(v.checks().stream().allMatch(c -> c.samples() == 1_000), v.toTable());
    }
}
