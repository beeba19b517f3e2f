package dev.budget4j.micrometer.examples;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Stage;
import dev.budget4j.micrometer.BudgetMeters;
import dev.budget4j.micrometer.PrometheusRules;
import dev.budget4j.micrometer.StageMeters;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;

/** The usage example of budget-micrometer's README.md; {@code ReadmeExampleTest} keeps the two the same. */
final class ReadmeExample {
    private ReadmeExample() {
    }

    static StageMeters run(MeterRegistry registry, Path rulesFile) throws IOException {
        // README-BEGIN
        BudgetedStage<String, String[]> tokenize = Budgets.budgetedStage(
                Stage.of("tokenize", (String text) -> text.split(" ")),
                Budget.parse("p50<=100us p99<=5ms errors<=0.1%"));
        StageMeters meters = BudgetMeters.bind(tokenize, registry); // refreshed every second from now on
        for (int i = 0; i < 10_000; i++) {
            tokenize.apply("a budget for every stage " + i);
        }
        meters.refresh(); // publish now rather than within the second
        System.out.println(registry.get("budget4j.stage.calls").tag("stage", "tokenize").counter().count()); // 10000.0

        // Alerting rules for the same budget, for Prometheus' rule_files
        PrometheusRules.builder().stage(tokenize).build().write(rulesFile);
        // README-END
        return meters;
    }
}
