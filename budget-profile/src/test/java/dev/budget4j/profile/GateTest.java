package dev.budget4j.profile;

import static dev.budget4j.profile.Fixtures.LAT;
import static dev.budget4j.profile.Fixtures.TP;
import static dev.budget4j.profile.Fixtures.baseline;
import static dev.budget4j.profile.Fixtures.scale;
import static dev.budget4j.profile.Fixtures.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import org.junit.jupiter.api.Test;

class GateTest {
    private final Gate gate = Gate.defaults();

    private static DimensionComparison dim(GateReport r, String stage, String label) {
        return r.stages().stream().filter(s -> s.stage().equals(stage)).findFirst().orElseThrow().dimensions().stream()
                .filter(d -> d.rule().dimension().label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void sameFiguresPass() {
        GateReport r = gate.compare(baseline(stage("s", LAT, TP, 64, null)), baseline(stage("s", LAT, TP, 64, null)));
        assertEquals(GateStatus.PASS, r.status());
        assertEquals(GateStatus.PASS, dim(r, "s", "p99").status());
        assertEquals(1.0, dim(r, "s", "p50").ratio(), 1e-12);
        assertTrue(r.passed());
    }

    @Test
    void twentyFivePercentSlowerIsARegressionInLatencyAndThroughput() {
        GateReport r = gate.compare(baseline(stage("s", LAT, TP, 64, null)),
                baseline(stage("s", scale(LAT, 1.25), scale(TP, 0.8), 64, null)));
        assertEquals(GateStatus.REGRESSION, r.status());
        assertEquals(GateStatus.REGRESSION, dim(r, "s", "p50").status());
        assertEquals(GateStatus.REGRESSION, dim(r, "s", "throughput").status());
        assertTrue(dim(r, "s", "p50").ciLow() > 1.10);
        assertFalse(r.passed());
    }

    @Test
    void muchFasterIsAnImprovement() {
        GateReport r = gate.compare(baseline(stage("s", LAT, TP, 64, null)),
                baseline(stage("s", scale(LAT, 0.7), scale(TP, 1.4), 64, null)));
        assertEquals(GateStatus.IMPROVEMENT, dim(r, "s", "p99").status());
        assertEquals(GateStatus.IMPROVEMENT, dim(r, "s", "throughput").status());
        assertEquals(GateStatus.PASS, r.status());
    }

    @Test
    void noisyRoundsAroundTheLimitAreInconclusive() {
        double[] noisy = {900, 1400, 1000, 1300, 1100};
        GateReport r = gate.compare(baseline(stage("s", LAT, TP, 64, null)), baseline(stage("s", noisy, TP, 64, null)));
        DimensionComparison p50 = dim(r, "s", "p50");
        assertEquals(GateStatus.INCONCLUSIVE, p50.status(), p50.toString());
        assertTrue(p50.ciLow() <= 1.10 && p50.ciHigh() > 1.10);
    }

    @Test
    void allocationIsComparedExactly() {
        GateReport r = gate.compare(baseline(stage("s", LAT, TP, 64, null)), baseline(stage("s", LAT, TP, 65, null)));
        DimensionComparison alloc = dim(r, "s", "alloc");
        assertEquals(GateStatus.REGRESSION, alloc.status());
        assertEquals(alloc.ciLow(), alloc.ciHigh());
        GateReport less = gate.compare(baseline(stage("s", LAT, TP, 64, null)), baseline(stage("s", LAT, TP, 32, null)));
        assertEquals(GateStatus.IMPROVEMENT, dim(less, "s", "alloc").status());
    }

    @Test
    void missingAndNewStagesAreReportedNotThrown() {
        GateReport r = gate.compare(baseline(stage("old", LAT, TP, 64, null)), baseline(stage("new", LAT, TP, 64, null)));
        assertEquals(2, r.stages().size());
        assertEquals(GateStatus.INCONCLUSIVE, r.stages().get(0).status());
        assertTrue(r.stages().get(0).note().contains("missing from the current run"), r.stages().get(0).note());
        assertTrue(r.stages().get(1).note().contains("not in the baseline"));
        assertEquals(GateStatus.INCONCLUSIVE, r.status());
    }

    @Test
    void aDimensionMeasuredOnOneSideOnlyIsInconclusiveAndOnNeitherSideIsLeftOut() {
        GateReport r = gate.compare(baseline(stage("s", LAT, TP, 64, null)), baseline(stage("s", LAT, TP, 64, null)));
        assertTrue(r.stages().get(0).dimensions().stream().noneMatch(d -> d.rule().dimension() == Dimension.RSS));
        DimensionComparison one = gate.compare(RatioRule.parse("rss<=1.5x"), new double[] {1e8, 1e8}, new double[] {Double.NaN});
        assertEquals(GateStatus.INCONCLUSIVE, one.status());
        assertEquals("not measured in the current run", one.note());
    }

    @Test
    void perStageRulesWinOverDefaults() {
        GateRules rules = GateRules.defaults().with("s", RatioRule.parse("p50<=1.5x"))
                .with("s", RatioRule.parse("p95<=1.5x")).with("s", RatioRule.parse("p99<=1.5x"))
                .with("s", RatioRule.parse("throughput>=0.7x"));
        GateReport r = Gate.builder().rules(rules).build().compare(baseline(stage("s", LAT, TP, 64, null)),
                baseline(stage("s", scale(LAT, 1.25), scale(TP, 0.8), 64, null)));
        assertEquals(GateStatus.PASS, dim(r, "s", "p50").status());
        assertEquals("p50<=1.50x", dim(r, "s", "p50").rule().toString());
        assertEquals(GateStatus.PASS, r.status());
    }

    @Test
    void foreignMachineIsFlaggedOrRefused() {
        MachineFingerprint other = new MachineFingerprint("Other CPU", 8, 16, 32L << 30, "GNU/Linux 6.1", "Test Vendor", "25+1");
        Baseline a = baseline(stage("s", LAT, TP, 64, null));
        Baseline b = baseline(other, stage("s", LAT, TP, 64, null));
        GateReport r = gate.compare(a, b);
        assertTrue(r.machineMismatch());
        assertTrue(r.machineDifferences().get(0).startsWith("cpu: Test CPU 3000 != Other CPU"), r.machineDifferences().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gate.builder().refuseForeignMachine(true).build().compare(a, b));
        assertTrue(e.getMessage().contains("same machine"), e.getMessage());
    }

    @Test
    void violatedAbsoluteBudgetIsARegression() {
        Budget tight = Budget.parse("p50<=500ns");
        GateReport r = gate.compare(baseline(stage("s", LAT, TP, 64, tight)), baseline(stage("s", LAT, TP, 64, tight)));
        assertEquals(GateStatus.REGRESSION, r.status());
        assertTrue(r.stages().get(0).note().contains("absolute budget violated"));
    }

    @Test
    void rulesParseAndRejectNonsense() {
        assertEquals(1.2, RatioRule.parse("p99<=1.2x").ratio());
        assertEquals(Dimension.THROUGHPUT, RatioRule.parse("throughput>=0.8").dimension());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> RatioRule.parse("latency<=1.1x"));
        assertTrue(unknown.getMessage().contains("unknown dimension"), unknown.getMessage());
        IllegalArgumentException dir = assertThrows(IllegalArgumentException.class, () -> RatioRule.parse("throughput<=1.1x"));
        assertTrue(dir.getMessage().contains("must use >="), dir.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RatioRule.parse("p99<=-1x"));
        assertThrows(IllegalArgumentException.class, () -> RatioRule.parse("p99<=abc"));
    }

    @Test
    void builderSettingsAreGivenOnce() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Gate.builder().seed(1).seed(2));
        assertTrue(e.getMessage().contains("already set to 1"));
        assertThrows(IllegalArgumentException.class, () -> Gate.builder().confidence(1.5));
    }
}
