package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Budgets from a properties file: what a bad file says names the file, the key, the rule and the value. */
class BudgetFileTest {

    @Test
    void readsEveryStageOfAFileAndOfAResource(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("budgets.properties");
        Files.writeString(file, "# a comment\nquery.search = p50<=2ms   p99<=10ms\nembed=p50<=1s errors<=0\n");
        BudgetFile f = BudgetFile.read(file);
        assertEquals(Budget.parse("p50<=2ms p99<=10ms"), f.budget("query.search"));
        assertEquals(List.of("embed", "query.search"), List.copyOf(f.all().keySet()));
        assertEquals(file.toString(), f.source());

        BudgetFile shipped = BudgetFile.fromResource(BudgetFileTest.class, "test-budgets.properties");
        assertEquals(Budget.parse("p50<=800us"), shipped.budget("score"));
        assertEquals("test-budgets.properties", shipped.source());
        BudgetFile absolute = BudgetFile.fromResource(BudgetFileTest.class, "/dev/budget4j/profile/test-budgets.properties");
        assertEquals(shipped.all(), absolute.all());
        assertEquals("dev/budget4j/profile/test-budgets.properties", absolute.source());
    }

    @Test
    void aBadBudgetNamesTheFileTheKeyTheRuleAndTheValue(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "load = max<=5s\nquery = p99<=5ms p50<=fast\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BudgetFile.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ": key 'query', rule 'p50<=fast' of value 'p99<=5ms p50<=fast'"
                + " does not parse: "), e.getMessage());

        Files.writeString(bad, "query =\n");
        e = assertThrows(IllegalArgumentException.class, () -> BudgetFile.read(bad));
        assertEquals(bad + ": key 'query' of value '' does not parse: a budget needs at least one limit", e.getMessage());

        Files.writeString(bad, "query = throughput<=5/s\n");
        e = assertThrows(IllegalArgumentException.class, () -> BudgetFile.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ": key 'query', rule 'throughput<=5/s' of value 'throughput<=5/s'"),
                e.getMessage());
    }

    @Test
    void aStageWithoutABudgetAndAMissingFileAreNamed(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.properties");
        Files.writeString(good, "query = p99<=5ms\n");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BudgetFile.read(good).budget("embed"));
        assertEquals(good + " must give a budget for stage 'embed', but has none (stages: [query])", missing.getMessage());
        UncheckedIOException gone = assertThrows(UncheckedIOException.class, () -> BudgetFile.read(dir.resolve("no.properties")));
        assertTrue(gone.getMessage().contains("no.properties"), gone.getMessage());
        IllegalArgumentException noResource = assertThrows(IllegalArgumentException.class,
                () -> BudgetFile.fromResource(BudgetFileTest.class, "nope.properties"));
        assertTrue(noResource.getMessage().contains("nope.properties"), noResource.getMessage());
    }

    @Test
    void gateRulesFileHasDefaultsAndPerStageRules(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.properties");
        Files.writeString(file, "default = p50<=1.20x p99<=1.20x\nscore = p50<=1.05x alloc<=1.10x\n");
        GateRules rules = GateRules.read(file);
        assertEquals(List.of(RatioRule.parse("p50<=1.20x"), RatioRule.parse("p99<=1.20x")), rules.rulesFor("parse"));
        List<RatioRule> score = rules.rulesFor("score");
        assertTrue(score.contains(RatioRule.parse("p50<=1.05x")) && score.contains(RatioRule.parse("p99<=1.20x"))
                && score.contains(RatioRule.parse("alloc<=1.10x")) && score.size() == 3, score.toString());
        GateRules shipped = GateRules.fromResource(BudgetFileTest.class, "test-gate-rules.properties");
        assertTrue(shipped.rulesFor("score").contains(RatioRule.parse("p50<=1.05x")), shipped.rulesFor("score").toString());
    }

    @Test
    void aBadRulesFileNamesTheFileTheKeyTheRuleAndTheValue(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("rules.properties");
        Files.writeString(bad, "default = p50<=1.2x\nquery = p99<=1.1x p50<=fast\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GateRules.read(bad));
        assertEquals(bad + ": key 'query', rule 'p50<=fast' of value 'p99<=1.1x p50<=fast' does not parse: rule"
                + " 'p50<=fast' ratio must be a number, but was 'fast'", e.getMessage());

        Files.writeString(bad, "query = p50<=1.2x\n");
        e = assertThrows(IllegalArgumentException.class, () -> GateRules.read(bad));
        assertEquals(bad + " must have a 'default' line, but has none", e.getMessage());

        Files.writeString(bad, "default = throughput<=0.9x\n");
        e = assertThrows(IllegalArgumentException.class, () -> GateRules.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ": key 'default', rule 'throughput<=0.9x' of value 'throughput<=0.9x'"
                + " does not parse: "), e.getMessage());
    }
}
