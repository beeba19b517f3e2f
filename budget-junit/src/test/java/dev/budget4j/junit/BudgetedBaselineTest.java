package dev.budget4j.junit;

import static dev.budget4j.junit.BudgetedTestTest.entries;
import static dev.budget4j.junit.BudgetedTestTest.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.budget4j.junit.fixtures.Fixtures;
import dev.budget4j.StageSnapshot;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.StageBaseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.TestAbortedException;

/** A budgeted test against a baseline file: recording it, passing, a planted regression, no decision. */
class BudgetedBaselineTest {

    static EngineExecutionResults run(Class<?> type, String method, boolean record) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(type, method))
                .configurationParameter(Fixtures.RUN, "true")
                .configurationParameter(BudgetedTestExtension.STDOUT_PROPERTY, "false")
                .configurationParameter(BudgetedTestExtension.RECORD_PROPERTY, Boolean.toString(record)).execute();
    }

    @BeforeEach
    void clean() throws IOException {
        Files.createDirectories(Path.of(Fixtures.DIR));
        Files.deleteIfExists(Path.of(Fixtures.BASELINE));
        Fixtures.Gated.slow = false;
    }

    @Test
    void recordThenPassThenCatchAPlantedRegression() throws IOException {
        Throwable missing = failure(run(Fixtures.Gated.class, "gated", false));
        assertInstanceOf(ExtensionConfigurationException.class, missing);
        assertTrue(missing.getMessage().startsWith("@BudgetedTest on Gated.gated(): baseline file '" + Fixtures.BASELINE
                + "' does not exist"), missing.getMessage());
        assertTrue(missing.getMessage().endsWith("run once with -Dbudget4j.baseline.record=true to record it"),
                missing.getMessage());

        EngineExecutionResults recorded = run(Fixtures.Gated.class, "gated", true);
        recorded.testEvents().assertStatistics(s -> s.succeeded(1));
        assertEquals(Fixtures.BASELINE, entries(recorded).get("budget4j.baseline.recorded"));
        Baseline saved = Baseline.read(Path.of(Fixtures.BASELINE));
        assertEquals(List.of("gated"), List.copyOf(saved.stages().keySet()));
        assertEquals(150, saved.stage("gated").orElseThrow().snapshot().calls());

        EngineExecutionResults same = run(Fixtures.Gated.class, "gated", false);
        same.testEvents().assertStatistics(s -> s.succeeded(1));
        Map<String, String> e = entries(same);
        assertEquals("PASS", e.get("budget4j.gate"), e.toString());
        assertTrue(e.get("budget4j.gate.p50").endsWith("against p50<=3.00x: PASS"), e.get("budget4j.gate.p50"));

        Fixtures.Gated.slow = true;
        EngineExecutionResults slower = run(Fixtures.Gated.class, "gated", false);
        Throwable t = failure(slower);
        assertInstanceOf(AssertionError.class, t);
        assertTrue(t.getMessage().startsWith("stage 'gated' regressed against its baseline (20 warm-up calls, then 3 rounds"
                + " of 50 calls)"), t.getMessage());
        assertTrue(t.getMessage().contains("budget4j gate: REGRESSION") && t.getMessage().contains("p50<=3.00x"), t.getMessage());
        assertTrue(t.getMessage().contains("stage 'gated' budget MET"), "the verdict table is there too: " + t.getMessage());
        assertEquals("REGRESSION", entries(slower).get("budget4j.gate"));
    }

    @Test
    void aFileWithoutTheStageIsRefusedAndRecordingKeepsItsOtherStages() throws IOException {
        writeBaselineWithoutAllocation(Path.of(Fixtures.BASELINE), "other");
        Throwable noStage = failure(run(Fixtures.Gated.class, "gated", false));
        assertInstanceOf(ExtensionConfigurationException.class, noStage);
        assertTrue(noStage.getMessage().startsWith("@BudgetedTest on Gated.gated(): baseline file '" + Fixtures.BASELINE
                + "' has no stage 'gated' (it has [other]); run once with"), noStage.getMessage());

        run(Fixtures.Gated.class, "gated", true).testEvents().assertStatistics(s -> s.succeeded(1));
        assertEquals(List.of("other", "gated"), List.copyOf(Baseline.read(Path.of(Fixtures.BASELINE)).stages().keySet()));
    }

    @Test
    void anUndecidedGateNeverPasses() throws IOException {
        writeBaselineWithoutAllocation(Path.of(Fixtures.NO_ALLOC), "undecided");

        Throwable fails = failure(run(Fixtures.Undecided.class, "fails", false));
        assertInstanceOf(AssertionError.class, fails);
        assertTrue(fails.getMessage().startsWith("stage 'undecided': the gate against its baseline is INCONCLUSIVE, which is"
                + " not a pass"), fails.getMessage());
        assertTrue(fails.getMessage().contains("not measured in the baseline"), fails.getMessage());
        assertTrue(fails.getMessage().endsWith("(onInconclusive = ABORT reports this as skipped instead)"), fails.getMessage());

        EngineExecutionResults aborts = run(Fixtures.Undecided.class, "aborts", false);
        aborts.testEvents().assertStatistics(s -> s.aborted(1).succeeded(0).failed(0));
        Throwable reason = aborts.testEvents().aborted().list().get(0).getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertInstanceOf(TestAbortedException.class, reason);
        assertTrue(reason.getMessage().contains("INCONCLUSIVE"), reason.getMessage());
        assertEquals("INCONCLUSIVE", entries(aborts).get("budget4j.gate"));
    }

    /** A one-stage baseline whose calls were timed but whose allocation was not measured. */
    static void writeBaselineWithoutAllocation(Path file, String stage) throws IOException {
        Histogram h = new Histogram(3);
        for (int i = 0; i < 30; i++) {
            h.recordValue(1_000 + i);
        }
        double[] p50 = {1_010, 1_012, 1_011};
        StageBaseline s = StageBaseline.fromRounds(StageSnapshot.builder(stage, h).elapsedNanos(90_000).build(),
                Map.of("p50", p50, "throughput", new double[] {1e6, 1e6, 1e6}), null);
        Baseline.builder().gitCommit(null).stage(s).build().write(file);
    }
}
