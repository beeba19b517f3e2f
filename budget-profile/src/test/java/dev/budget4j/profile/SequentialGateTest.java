package dev.budget4j.profile;

import static dev.budget4j.profile.Fixtures.LAT;
import static dev.budget4j.profile.Fixtures.TP;
import static dev.budget4j.profile.Fixtures.baseline;
import static dev.budget4j.profile.Fixtures.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the sequential gate stops: only intervals that more runs could move keep it going. */
class SequentialGateTest {
    @Test
    void aStraddlingIntervalIsUndecided() {
        double[] noisy = {1000, 1300, 900, 1250, 950};
        GateReport r = Gate.defaults().compare(baseline(stage("s", LAT, TP, 64, null)),
                baseline(stage("s", noisy, TP, 64, null)));
        assertEquals(GateStatus.INCONCLUSIVE, r.status(), r.toConsoleTable());
        assertFalse(SequentialGate.decided(r));
    }

    @Test
    void aStageMissingOnOneSideCannotBeSettledByMoreRuns() {
        GateReport r = Gate.defaults().compare(baseline(stage("s", LAT, TP, 64, null), stage("gone", LAT, TP, 64, null)),
                baseline(stage("s", LAT, TP, 64, null)));
        assertEquals(GateStatus.INCONCLUSIVE, r.status());
        assertTrue(SequentialGate.decided(r));
    }

    @Test
    void aRegressionDecides() {
        GateReport r = Gate.defaults().compare(baseline(stage("s", LAT, TP, 64, null)),
                baseline(stage("s", Fixtures.scale(LAT, 1.5), Fixtures.scale(TP, 1 / 1.5), 64, null)));
        assertEquals(GateStatus.REGRESSION, r.status());
        assertTrue(SequentialGate.decided(r));
    }
}
