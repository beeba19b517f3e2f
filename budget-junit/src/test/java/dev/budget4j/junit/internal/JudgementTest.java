package dev.budget4j.junit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Outcome;
import dev.budget4j.StageSnapshot;
import dev.budget4j.Verdict;
import dev.budget4j.junit.BudgetedTest;
import dev.budget4j.profile.GateRules;
import java.io.IOException;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** What each verdict does to the test: only MET passes. */
class JudgementTest {
    static Settings settings(BudgetedTest.Inconclusive onInconclusive) {
        return new Settings("T.m()", "stage", Budget.parse("alloc<=1KiB"), 100, 10, 5, null, GateRules.defaults(),
                onInconclusive);
    }

    /** 100 calls of 1 µs; allocation measured only when {@code allocated >= 0}. */
    static Verdict verdict(String budget, long allocated) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(1_000, 100);
        StageSnapshot.Builder s = StageSnapshot.builder("stage", h).elapsedNanos(100_000);
        if (allocated >= 0) {
            s.allocatedBytes(allocated);
        }
        return Budget.parse(budget).evaluate(s.build());
    }

    @Test
    void metPassesViolatedFails() {
        Judgement.decide(settings(BudgetedTest.Inconclusive.FAIL), "stage", verdict("alloc<=1KiB", 100 * 512), null, 100, 0, null);
        AssertionError e = assertThrows(AssertionError.class, () -> Judgement.decide(settings(BudgetedTest.Inconclusive.FAIL),
                "stage", verdict("alloc<=1KiB", 100 * 2048), null, 100, 0, null));
        assertTrue(e.getMessage().startsWith("stage 'stage' missed its budget (10 warm-up calls, then 5 rounds of 20 calls)\n"
                + "stage 'stage' budget VIOLATED"), e.getMessage());
    }

    @Test
    void anInconclusiveVerdictFailsOrAbortsButNeverPasses() {
        Verdict unmeasured = verdict("alloc<=1KiB", -1);
        assertEquals(Outcome.INCONCLUSIVE, unmeasured.outcome());
        AssertionError fails = assertThrows(AssertionError.class, () -> Judgement.decide(
                settings(BudgetedTest.Inconclusive.FAIL), "stage", unmeasured, null, 100, 0, null));
        assertTrue(fails.getMessage().startsWith("stage 'stage': its budget is INCONCLUSIVE, which is not a pass"),
                fails.getMessage());
        assertTrue(fails.getMessage().contains("allocation not measured"), fails.getMessage());
        TestAbortedException aborts = assertThrows(TestAbortedException.class, () -> Judgement.decide(
                settings(BudgetedTest.Inconclusive.ABORT), "stage", unmeasured, null, 100, 0, null));
        assertTrue(aborts.getMessage().contains("stage 'stage' budget INCONCLUSIVE"), aborts.getMessage());
    }

    @Test
    void failedCallsFailUnlessTheBudgetBoundsErrors() {
        IOException cause = new IOException("disk");
        AssertionError e = assertThrows(AssertionError.class, () -> Judgement.decide(settings(BudgetedTest.Inconclusive.FAIL),
                "stage", verdict("alloc<=1KiB", 0), null, 100, 3, cause));
        assertTrue(e.getMessage().startsWith("stage 'stage': 3 of 100 measured calls threw, and the budget has no errors"
                + " limit (10 warm-up calls, then 5 rounds of 20 calls); the first: java.io.IOException: disk"), e.getMessage());
        assertSame(cause, e.getCause());
        Judgement.decide(settings(BudgetedTest.Inconclusive.FAIL), "stage", verdict("errors<=5%", 0), null, 100, 3, cause);
    }
}
