package dev.budget4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Outcome;
import dev.budget4j.StageReport;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.Gate;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.GateStatus;
import dev.budget4j.profile.StageComparison;
import dev.budget4j.profile.cli.GateCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The driver's side: merged verdicts, the per-stage table and tree, a baseline the gate reads. */
@ExtendWith(LocalSpark.class)
class ReportAndBaselineTest {
    private static final List<Integer> DATA = IntStream.range(0, 5_000).boxed().collect(Collectors.toList());

    private static SparkReport run(String easyName, String hardName) {
        SparkBudgets budgets = SparkBudgets.register(LocalSpark.session());
        SparkStage<Integer, Integer> easy = budgets.stage(easyName, (Integer x) -> x ^ 7, Budget.parse("p99<=1s errors<=0%"));
        SparkStage<Integer, Integer> hard = budgets.stage(hardName, (Integer x) -> x + 1, Budget.parse("p50<=1ns"));
        budgets.stage("never-called", (Integer x) -> x, Budget.parse("p99<=1ms"));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext());
        assertEquals(DATA.size(), jsc.parallelize(DATA, 5).map(easy).map(hard).count());
        return budgets.report();
    }

    @Test
    void verdictsTableAndTree() {
        SparkReport report = run("easy", "hard");
        assertEquals(List.of("easy", "hard", "never-called"), List.copyOf(report.recordings().keySet()));
        assertEquals(Outcome.MET, report.verdicts().get("easy").outcome());
        assertEquals(Outcome.VIOLATED, report.verdicts().get("hard").outcome());
        assertEquals(Outcome.INCONCLUSIVE, report.verdicts().get("never-called").outcome(), "no calls is never a pass");
        assertFalse(report.isMet());
        AssertionError e = assertThrows(AssertionError.class, report::assertMet);
        assertTrue(e.getMessage().contains("stage 'hard' budget VIOLATED"), e.getMessage());

        String table = report.toTable();
        assertTrue(table.startsWith("easy  calls=5000 p50="), table);
        assertTrue(table.contains("stage 'easy' budget MET"), table);
        assertTrue(table.contains("stage 'easy': 5 task(s) on 1 executor(s)"), table);

        StageReport tree = report.tree("pipeline", "hard");
        assertEquals("pipeline", tree.name());
        assertEquals(3, tree.children().size());
        assertEquals(Outcome.VIOLATED, tree.verdict().outcome());
        assertTrue(tree.toString().contains("├─ easy  calls=5000"), tree.toString());
    }

    @Test
    void aRunsBaselineGatesAgainstAnEarlierRunsBaseline(@TempDir Path dir) throws Exception {
        Baseline earlier = run("gated", "gated-hard").baseline();
        Baseline later = run("gated", "gated-hard").baseline();
        assertFalse(later.stage("never-called").isPresent(), "a stage without calls has nothing to gate");
        assertEquals(5, later.stage("gated").orElseThrow().forks().get(0).rounds());
        assertEquals(5_000, later.stage("gated").orElseThrow().snapshot().calls());
        assertTrue(later.notes().get(0).startsWith("Spark run: one fork per executor (1), one round per task (5"), later.notes().toString());

        earlier.write(dir.resolve("earlier.json"));
        later.write(dir.resolve("later.json"));
        GateReport gate = Gate.defaults().compare(Baseline.read(dir.resolve("earlier.json")), Baseline.read(dir.resolve("later.json")));
        StageComparison gated = gate.stages().stream().filter(s -> s.stage().equals("gated")).findFirst().orElseThrow();
        assertFalse(gated.dimensions().isEmpty(), "rounds on both sides: the gate compares dimensions");
        assertEquals("", gated.note());
        StageComparison hard = gate.stages().stream().filter(s -> s.stage().equals("gated-hard")).findFirst().orElseThrow();
        assertEquals(GateStatus.REGRESSION, hard.status(), "the absolute budget is still checked");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = GateCommand.run(new String[] {"compare", "--baseline", dir.resolve("later.json").toString(), "--current",
            dir.resolve("later.json").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("gated"), text);
        assertEquals(GateCommand.REGRESSION, code, "gated-hard misses its absolute budget: " + text);
    }
}
