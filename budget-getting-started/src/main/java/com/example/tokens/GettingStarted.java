package com.example.tokens;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Outcome;
import dev.budget4j.Stage;
import dev.budget4j.Verdict;
import java.util.List;

/** The code of docs/getting-started.md, section 2, compiled and run by the build. */
public final class GettingStarted {
    private GettingStarted() {
    }

    /**
     * Wraps a stage, calls it, reads the verdict.
     *
     * @return the verdict of the budgeted stage
     */
    public static Verdict run() {
        // snippet: wrap
        // 1. a stage: a named pure function
        Stage<String, List<String>> tokenize = Stage.of("tokenize", Tokenizer::fast);

        // 2. a budget on it: latency percentiles, error rate, heap bytes allocated per call
        BudgetedStage<String, List<String>> budgeted = Budgets.budgeted(tokenize)
                .budget(Budget.parse("p50<=1ms p99<=20ms errors<=0 alloc<=64KiB"))
                .trackAllocation(true)
                .build();

        // 3. use it like the stage itself
        for (int i = 0; i < 1_000; i++) {
            budgeted.apply("the quick brown fox " + i);
        }

        // 4. read the verdict: MET, VIOLATED, or INCONCLUSIVE when there is too little data
        Verdict verdict = budgeted.verdict();
        System.out.println(verdict.toTable());
        if (verdict.outcome() == Outcome.VIOLATED) {
            verdict.violations().forEach(System.out::println);
        }
        // snippet end
        return verdict;
    }
}
