package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Dimension;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.DimensionComparison;
import dev.budget4j.profile.Gate;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.GateRules;
import dev.budget4j.profile.GateStatus;
import dev.budget4j.profile.RatioRule;
import dev.budget4j.profile.StageBaseline;
import dev.budget4j.profile.StageComparison;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of the pipeline as a budget-profile baseline ({@code run.json}; two of them can be compared
 * with budget-profile's {@code GateCommand compare}), the gate with the shipped rules over it, and
 * the shipped rules themselves.
 */
class BaselineGateTest {

    @Test
    void aRunBecomesABaselineWithFullHistogramsAndPerRoundValues(@TempDir Path dir) throws Exception {
        RunResult r = PipelineTest.javaRun();
        Baseline b = RunBaseline.of(r);
        assertEquals(r.rows().stream().map(StageRow::stage).toList(), List.copyOf(b.stages().keySet()));
        assertEquals("java", b.kernelBackend().orElseThrow());
        for (StageRow row : r.rows()) {
            StageBaseline s = b.stage(row.stage()).orElseThrow();
            assertEquals(row.report().snapshot().calls(), s.calls(), row.stage());
            assertEquals(row.report().snapshot().percentileNanos(99), s.percentileNanos(99), row.stage());
            assertEquals(row.report().verdict().budget(), s.budget().orElseThrow(), row.stage());
            assertEquals(row.rounds().size(), s.perRound(Dimension.percentile(50)).length, row.stage());
            assertEquals(row.rounds().get(0).percentileNanos(50), s.perRound(Dimension.percentile(50))[0],
                    row.stage());
        }
        Path file = dir.resolve("baseline.json");
        b.write(file);
        Baseline read = Baseline.read(file);
        for (String stage : b.stages().keySet()) {
            StageBaseline a = b.stage(stage).orElseThrow();
            StageBaseline c = read.stage(stage).orElseThrow();
            assertEquals(a.histogram(), c.histogram(), stage);
            assertArrayEquals(a.perRound(Dimension.percentile(99)), c.perRound(Dimension.percentile(99)), stage);
        }
    }

    @Test
    void aRunComparedWithItselfHasNoRegression() {
        Baseline b = RunBaseline.of(PipelineTest.javaRun());
        GateReport g = Gate.builder().rules(GateRulesFile.defaults()).build().compare(b, b);
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
        RunResult slower = new RagPipeline(small, BudgetFile.defaults(), Slice.onnx(), null, new SlowScoring(),
                null, null).run();
        GateReport g = Gate.builder().rules(GateRulesFile.defaults()).build()
                .compare(RunBaseline.of(PipelineTest.javaRun()), RunBaseline.of(slower));
        StageComparison search = g.stages().stream().filter(s -> s.stage().equals("query.search")).findFirst()
                .orElseThrow();
        assertEquals(GateStatus.REGRESSION, search.status(), g.toConsoleTable());
        assertEquals(GateStatus.REGRESSION, g.status());
        assertTrue(!g.passed());
    }

    @Test
    void budgetOnlyReportMapsVerdictsToStatuses() {
        RunResult r = PipelineTest.javaRun();
        GateReport g = BudgetOnlyReport.of(RunBaseline.of(r), r);
        assertEquals(r.rows().size(), g.stages().size());
        for (int i = 0; i < r.rows().size(); i++) {
            StageComparison s = g.stages().get(i);
            assertEquals(BudgetOnlyReport.status(r.rows().get(i).report().verdict().outcome()), s.status(), s.stage());
            assertEquals(BudgetOnlyReport.NOTE, s.note());
        }
        assertTrue(g.toHtml().startsWith("<?xml"));
        assertTrue(g.toMarkdown().contains("checked against its budget only"));
    }

    @Test
    void shippedRulesAreNoLooserThanTwentyPercentForEverySuiteStage() throws Exception {
        GateRules rules = GateRulesFile.defaults();
        for (String stage : RagSuite.STAGES) {
            List<RatioRule> r = rules.rulesFor(stage);
            for (String limit : new String[] {"p50<=1.20x", "p95<=1.20x", "p99<=1.20x", "throughput>=0.83x"}) {
                RatioRule want = RatioRule.parse(limit);
                RatioRule got = r.stream().filter(x -> x.dimension().equals(want.dimension())).findFirst()
                        .orElseThrow(() -> new AssertionError(stage + " has no rule on " + want.dimension()));
                assertTrue(want.upperBound() ? got.ratio() <= want.ratio() : got.ratio() >= want.ratio(),
                        stage + ": " + got + " is looser than " + want);
            }
            assertTrue(r.contains(RatioRule.parse("alloc<=1.10x")), stage + ": " + r);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GateRulesFile.parse("x",
                new StringReader("default = p50<=1.2x\nquery = p50<=fast\n")));
        assertTrue(e.getMessage().startsWith("x: rules of stage 'query' do not parse"), e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> GateRulesFile.parse("y",
                new StringReader("query = p50<=1.2x\n")));
        assertEquals("y must have a 'default' line, but has none", none.getMessage());
    }
}
