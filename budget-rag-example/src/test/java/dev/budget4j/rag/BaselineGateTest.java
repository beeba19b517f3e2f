package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import dev.budget4j.Outcome;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.DimensionComparison;
import dev.budget4j.profile.Gate;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.GateStatus;
import dev.budget4j.profile.RunReport;
import dev.budget4j.profile.StageBaseline;
import dev.budget4j.profile.StageComparison;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of the pipeline as a budget-profile baseline ({@code run.json}; two of them can be compared
 * with budget-profile's {@code GateCommand compare}), the gate with the shipped rules over it, and
 * the report of a run without a baseline.
 */
class BaselineGateTest {

    @Test
    void aRunIsABaselineWithFullHistogramsAndPerRoundValues(@TempDir Path dir) throws Exception {
        RunResult r = PipelineTest.javaRun();
        Baseline b = r.run();
        assertEquals("java", b.kernelBackend().orElseThrow());
        for (StageBaseline s : b.stages().values()) {
            assertEquals(Shipped.budgets().budget(s.stage()), s.budget().orElseThrow(), s.stage());
            double[] p50 = s.perRound(Dimension.percentile(50));
            assertTrue(p50.length >= 1, s.stage());
            double lo = java.util.Arrays.stream(p50).min().orElseThrow();
            double hi = java.util.Arrays.stream(p50).max().orElseThrow();
            double whole = s.snapshot().percentileNanos(50);
            assertTrue(whole >= lo * 0.999 && whole <= hi * 1.001, s.stage() + ": the run's p50 " + whole
                    + " lies within its rounds' " + java.util.Arrays.toString(p50));
        }
        Path file = dir.resolve("baseline.json");
        b.write(file);
        Baseline read = Baseline.read(file);
        for (String stage : b.stages().keySet()) {
            StageBaseline a = b.stage(stage).orElseThrow();
            StageBaseline c = read.stage(stage).orElseThrow();
            assertEquals(a.snapshot().histogram(), c.snapshot().histogram(), stage);
            assertArrayEquals(a.perRound(Dimension.percentile(99)), c.perRound(Dimension.percentile(99)), stage);
        }
    }

    @Test
    void aRunComparedWithItselfHasNoRegression() {
        Baseline b = PipelineTest.javaRun().run();
        GateReport g = Gate.builder().rules(Shipped.gateRules()).build().compare(b, b);
        // The ratio rules, not the absolute budgets: whether this machine meets query.embed's
        // p50<=30ms at the moment says nothing about comparing a run with itself.
        for (StageComparison s : g.stages()) {
            for (DimensionComparison d : s.dimensions()) {
                assertEquals(1.0, d.ratio(), 1e-12, s.stage() + " " + d.rule());
                assertTrue(d.status() != GateStatus.REGRESSION, s.stage() + " " + d.rule() + "\n" + g.toConsoleTable());
            }
        }
    }

    @Test
    void aSlowerSearchIsARegressionOfThatStage() {
        Options small = PipelineTest.SMALL;
        RunResult slower = new RagPipeline(small, Shipped.budgets(), Slice.onnx(), null, new SlowScoring(),
                null, null).run();
        GateReport g = Gate.builder().rules(Shipped.gateRules()).build()
                .compare(PipelineTest.javaRun().run(), slower.run());
        StageComparison search = g.stages().stream().filter(s -> s.stage().equals("query.search")).findFirst()
                .orElseThrow();
        assertEquals(GateStatus.REGRESSION, search.status(), g.toConsoleTable());
        assertEquals(GateStatus.REGRESSION, g.status());
        assertTrue(!g.passed());
    }

    @Test
    void aRunWithoutABaselineIsReportedAgainstItsBudgetsNotAsAGate() {
        RunResult r = PipelineTest.javaRun();
        // query.search far over budget: the report must say VIOLATED, not that a gate found a regression
        Baseline.Builder b = Baseline.builder().kernelBackend(r.backend());
        for (StageBaseline s : r.run().stages().values()) {
            b.stage(s.stage().equals("query.search") ? StageBaseline.of(s.snapshot(), List.of(s.snapshot()),
                    Budget.parse("p50<=1ns")) : s);
        }
        RunReport report = RunReport.of(b.build());
        assertEquals(r.run().stages().size(), report.verdicts().size(), "every stage of the example has a budget");
        assertEquals(Outcome.VIOLATED, report.verdicts().get("query.search").outcome());
        for (String text : List.of(report.toConsoleTable(), report.toMarkdown(), report.toJson())) {
            assertTrue(text.contains("no baseline") || text.contains("\"baseline\": null")
                    || text.contains("\"baseline\":null"), text);
            assertFalse(text.contains("REGRESSION"), text);
            assertFalse(text.contains("gate"), text);
        }
        assertTrue(report.toHtml().startsWith("<?xml"));
        assertTrue(report.toMarkdown().contains("| `query.search` |"), report.toMarkdown());
    }
}
