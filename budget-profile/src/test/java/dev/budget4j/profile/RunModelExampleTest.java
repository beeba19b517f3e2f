package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "A run of your own code" snippet, compiled and run: a real run saved, reported alone, then gated. */
class RunModelExampleTest {

    @Test
    void aRunIsSavedReportedAloneAndGated(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("perf"));
        Files.writeString(dir.resolve("perf/budgets.properties"), "clean = p50<=1ms p99<=5ms\n");
        Files.writeString(dir.resolve("perf/gate-rules.properties"), "default = p50<=1.20x p99<=1.20x\n");
        Stage<String, String> cleanStage = Stage.of("clean", String::strip);
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            docs.add("  document " + i + "  ");
        }

        // README snippet, with paths under the test's directory
        BudgetFile budgets = BudgetFile.read(dir.resolve("perf/budgets.properties"));
        BudgetedStage<String, String> clean = Budgets.budgetedStage(cleanStage, budgets.budget("clean"));
        Rounds rounds = Rounds.of(clean);
        for (int i = 0; i < docs.size(); i++) {
            clean.apply(docs.get(i));
            rounds.cutAt(i + 1, docs.size());
        }
        Baseline run = Baseline.builder().stage(rounds.toBaseline()).build();
        RunReport alone = RunReport.of(run);
        run.write(dir.resolve("perf/baseline.json"));
        RunReport gated = RunReport.of(Gate.builder().rules(GateRules.read(dir.resolve("perf/gate-rules.properties")))
                .build().compare(Baseline.read(dir.resolve("perf/baseline.json")), run));
        Files.writeString(dir.resolve("report.html"), gated.toHtml());

        assertEquals(5, run.stage("clean").orElseThrow().perRound(dev.budget4j.Dimension.percentile(50)).length);
        assertTrue(alone.toConsoleTable().startsWith("budget4j run: "), alone.toConsoleTable());
        assertTrue(alone.toConsoleTable().contains("(no baseline)"), alone.toConsoleTable());
        assertTrue(gated.toConsoleTable().startsWith("budget4j gate: "), gated.toConsoleTable());
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<svg"));
    }
}
