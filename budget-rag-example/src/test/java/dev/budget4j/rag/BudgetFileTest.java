package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetFileTest {

    @Test
    void shippedFileBudgetsEveryStageOfThePipeline() {
        BudgetFile f = BudgetFile.defaults();
        for (String stage : List.of("load", "clean", "chunk", "embed", "index", "ingest", "compare.lib-single",
                "compare.lib-batch", "compare.onnx-batch", "query.embed", "query.search", "query")) {
            f.budget(stage);
        }
        assertEquals(12, f.all().size());
    }

    @Test
    void readsAFileAndNamesTheStageOfABadBudget(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.properties");
        Files.writeString(good, "query = p99<=5ms\n");
        assertEquals(Budget.parse("p99<=5ms"), BudgetFile.read(good).budget("query"));
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "query = p99<=5 parsecs\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BudgetFile.read(bad));
        assertTrue(e.getMessage().contains("budget of stage 'query' does not parse"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BudgetFile.read(good).budget("embed"));
        assertTrue(missing.getMessage().contains("must give a budget for stage 'embed'"), missing.getMessage());
    }
}
