package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.profile.BudgetFile;
import dev.budget4j.profile.GateRules;
import dev.budget4j.profile.RatioRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The budgets and gate rules checked in beside the example: every stage of the pipeline has a
 * budget, and the gate suite's rules are no looser than 20%. (How a bad file is reported is
 * budget-profile's, tested there.)
 */
class ShippedTest {

    @Test
    void shippedFileBudgetsEveryStageOfThePipeline() {
        BudgetFile f = Shipped.budgets();
        for (String stage : List.of("load", "clean", "chunk", "embed", "index", "ingest", "compare.lib-single",
                "compare.lib-batch", "compare.onnx-batch", "query.embed", "query.search", "query")) {
            f.budget(stage);
        }
        assertEquals(12, f.all().size());
        assertEquals(Shipped.BUDGETS, f.source());
    }

    @Test
    void shippedRulesAreNoLooserThanTwentyPercentForEverySuiteStage() {
        GateRules rules = Shipped.gateRules();
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
    }
}
