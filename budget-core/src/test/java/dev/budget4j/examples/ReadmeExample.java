package dev.budget4j.examples;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Stage;
import dev.budget4j.Verdict;

/** The usage example of the top-level README.md; {@code ReadmeExampleTest} keeps the two the same. */
final class ReadmeExample {
    private ReadmeExample() {
    }

    static Verdict run() {
        // README-BEGIN
        Stage<String, String[]> tokenize = Stage.of("tokenize", (String text) -> text.split(" "));
        BudgetedStage<String, String[]> budgeted = Budgets.budgetedStage(tokenize,
                Budget.parse("p50<=100us p99<=5ms errors<=0.1% alloc<=4KiB"));
        for (int i = 0; i < 10_000; i++) {
            budgeted.apply("a budget for every stage " + i);
        }
        Verdict verdict = budgeted.verdict();
        System.out.println(verdict.toTable());
        verdict.assertMet(); // throws an AssertionError with the table when a dimension is missed
        // README-END
        return verdict;
    }
}
