package dev.budget4j.junit.internal;

import dev.budget4j.Dimension;
import dev.budget4j.Outcome;
import dev.budget4j.Verdict;
import dev.budget4j.junit.BudgetedTest;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.GateStatus;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.TestAbortedException;

/**
 * Turns a measured stage's verdict and gate report into the test's result: nothing when both
 * passed, an {@link AssertionError} with the tables when either failed, and for an INCONCLUSIVE
 * one an AssertionError or a {@link TestAbortedException}, never a pass.
 */
public final class Judgement {
    private Judgement() {
    }

    /**
     * Decides the test.
     *
     * @param settings the test's settings
     * @param stage the stage name
     * @param verdict the budget's verdict, or null without a budget
     * @param gate the comparison with the baseline, or null without one (or when recording)
     * @param calls the measured calls
     * @param failures how many of them threw
     * @param firstFailure the first exception a call threw, or null
     * @throws AssertionError when the stage missed its budget, regressed, or threw without an
     *     {@code errors} limit; or was inconclusive and {@code onInconclusive} is FAIL
     * @throws TestAbortedException when it was inconclusive and {@code onInconclusive} is ABORT
     */
    public static void decide(Settings settings, String stage, Verdict verdict, GateReport gate, long calls, long failures,
            Throwable firstFailure) {
        String run = " (" + settings.describeRun() + ")";
        boolean errorsBounded = verdict != null && verdict.budget().limit(Dimension.ERRORS).isPresent();
        if (failures > 0 && !errorsBounded) {
            AssertionError e = new AssertionError("stage '" + stage + "': " + failures + " of " + calls
                    + " measured calls threw, and the budget has no errors limit" + run
                    + (firstFailure == null ? "" : "; the first: " + firstFailure) + tables(verdict, gate));
            if (firstFailure != null) {
                e.initCause(firstFailure);
            }
            throw e;
        }
        List<String> failed = new ArrayList<>();
        List<String> inconclusive = new ArrayList<>();
        if (verdict != null) {
            if (verdict.outcome() == Outcome.VIOLATED) {
                failed.add("missed its budget");
            } else if (verdict.outcome() == Outcome.INCONCLUSIVE) {
                inconclusive.add("its budget is INCONCLUSIVE");
            }
        }
        if (gate != null) {
            if (gate.status() == GateStatus.REGRESSION) {
                failed.add("regressed against its baseline");
            } else if (gate.status() == GateStatus.INCONCLUSIVE) {
                inconclusive.add("the gate against its baseline is INCONCLUSIVE");
            }
        }
        if (!failed.isEmpty()) {
            failed.addAll(inconclusive);
            throw new AssertionError("stage '" + stage + "' " + String.join(" and ", failed) + run + tables(verdict, gate));
        }
        if (!inconclusive.isEmpty()) {
            String message = "stage '" + stage + "': " + String.join(" and ", inconclusive) + ", which is not a pass" + run
                    + "; more invocations or rounds may settle it" + tables(verdict, gate);
            if (settings.onInconclusive() == BudgetedTest.Inconclusive.ABORT) {
                throw new TestAbortedException(message);
            }
            throw new AssertionError(message + "\n(onInconclusive = ABORT reports this as skipped instead)");
        }
    }

    private static String tables(Verdict verdict, GateReport gate) {
        StringBuilder out = new StringBuilder();
        if (verdict != null) {
            out.append('\n').append(verdict.toTable());
        }
        if (gate != null) {
            out.append('\n').append(gate.toConsoleTable());
        }
        return out.toString();
    }
}
