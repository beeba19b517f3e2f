package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.profile.Baseline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on a tiny run: reports, --save-baseline, --baseline and --gate exit codes. */
class RagExampleTest {
    private static final String[] TINY = {"--docs", "12", "--queries", "10", "--compare", "0", "--batch", "8"};

    private record Exit(int code, String out, String err) {
    }

    private static Exit run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RagExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Exit(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] with(String... more) {
        String[] all = new String[TINY.length + more.length];
        System.arraycopy(TINY, 0, all, 0, TINY.length);
        System.arraycopy(more, 0, all, TINY.length, more.length);
        return all;
    }

    @Test
    void savesABaselineThenGatesAgainstItAndFailsOnAViolatedBudget(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first");
        Exit saved = run(with("--out", first.toString(), "--save-baseline", "--gate"));
        assertEquals(0, saved.code(), saved.err());
        assertTrue(saved.out().contains("gate: PASSED"), saved.out());
        for (String f : new String[] {"report.html", "report.md", "report.json", "run.json", "baseline.json"}) {
            assertTrue(Files.size(first.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(first.resolve("report.html")).contains("<svg"), "charts are inline");
        assertEquals(9, Baseline.read(first.resolve("baseline.json")).stages().size(), "no compare stages with --compare 0");

        // the same run against that baseline, with one budget far too tight for the search
        Path budgets = dir.resolve("tight.properties");
        String shipped = new String(BudgetFile.class.getClassLoader().getResourceAsStream(BudgetFile.DEFAULT_RESOURCE)
                .readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(budgets, shipped.replaceAll("(?m)^query\\.search .*$", "query.search = p50<=1ns"));
        Exit failed = run(with("--out", dir.resolve("second").toString(), "--baseline",
                first.resolve("baseline.json").toString(), "--budgets", budgets.toString(), "--gate"));
        assertEquals(1, failed.code(), failed.out());
        assertTrue(failed.out().contains("Baseline gate against"), failed.out());
        assertTrue(failed.out().contains("stage 'query.search': REGRESSION"), failed.out());
        // a violated budget is also a REGRESSION in the gate; one-call stages of a run this tiny may join it
        assertTrue(failed.err().matches("(?s).*gate: FAILED \\(a budget was violated: query\\.search; "
                + "the baseline gate found a regression: [a-z., ]*query\\.search.*"), failed.err());
        assertTrue(Files.readString(dir.resolve("second").resolve("report.md")).contains("## budget4j gate"));
    }

    @Test
    void anUnreadableBaselineIsABadCommandLine(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schemaVersion\": 1, \"stages\": [");
        Exit e = run("--baseline", broken.toString(), "--gate");
        assertEquals(2, e.code());
        assertTrue(e.err().startsWith("error: ") && e.err().contains(broken.toString()), e.err());
        assertTrue(e.err().contains("usage:"), e.err());
        Exit missing = run("--baseline", dir.resolve("nope.json").toString());
        assertEquals(2, missing.code());
        assertEquals("", missing.out());
    }
}
