package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.GateRules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end on a tiny run: reports, --save-baseline (the gate suite in real forks,
 * with tiny settings), --baseline, --gate exit codes.
 */
class RagExampleTest {
    private static final String[] TINY = {"--docs", "12", "--queries", "10", "--compare", "0", "--batch", "8"};
    /** Three baseline forks and two gate forks of the cheap chunk stage, a few calls each, under rules no noise can fail. */
    private static final SuiteGate TINY_SUITE = new SuiteGate(10, Duration.ZERO, 20, 2, 3, 2, 2, Duration.ofMinutes(1),
            List.of("chunk"), GateRules.none().with(GateRules.parse("p50<=100x throughput>=0.01x")));

    private record Exit(int code, String out, String err) {
    }

    private static Exit run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RagExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), TINY_SUITE);
        return new Exit(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] with(String... more) {
        String[] all = new String[TINY.length + more.length];
        System.arraycopy(TINY, 0, all, 0, TINY.length);
        System.arraycopy(more, 0, all, TINY.length, more.length);
        return all;
    }

    /**
     * The shipped budgets with every latency limit 20 times larger, so that a build machine busy with
     * other work cannot fail a run this small (a batch of 8 texts took over a second there).
     */
    private static String roomyBudgets() throws Exception {
        String shipped = new String(Shipped.class.getResourceAsStream("/" + Shipped.BUDGETS).readAllBytes(),
                StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(p\\d+|max)<=(\\d+)(us|ms|s)\\b").matcher(shipped);
        return m.replaceAll(r -> r.group(1) + "<=" + Long.parseLong(r.group(2)) * 20 + r.group(3));
    }

    @Test
    void roomyBudgetsAreLooserButComplete() throws Exception {
        String roomy = roomyBudgets();
        assertTrue(roomy.contains("query.search        = p50<=16000us p99<=60ms"), roomy);
        assertTrue(roomy.contains("embed               = p50<=20s p99<=60s errors<=0"), roomy);
    }

    @Test
    void savesABaselineThenGatesAgainstItAndFailsOnAViolatedBudget(@TempDir Path dir) throws Exception {
        Path budgets = dir.resolve("roomy.properties");
        Files.writeString(budgets, roomyBudgets());
        Path first = dir.resolve("first");
        Exit saved = run(with("--out", first.toString(), "--save-baseline", "--gate", "--budgets", budgets.toString()));
        assertEquals(0, saved.code(), saved.err());
        assertTrue(saved.out().contains("measuring the gate suite [chunk] in 3 fresh JVMs"), saved.out());
        assertTrue(saved.out().contains("gate: PASSED"), saved.out());
        for (String f : new String[] {"report.html", "report.md", "report.json", "run.json", "gate-baseline.json"}) {
            assertTrue(Files.size(first.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(first.resolve("report.html")).contains("<svg"), "charts are inline");
        String report = Files.readString(first.resolve("report.md"));
        assertTrue(report.contains("## budget4j run: ") && report.contains(" (no baseline)\n"), report);
        assertFalse(report.contains("budget4j gate"), "no baseline was given, so nothing was gated: " + report);
        assertFalse(Files.readString(first.resolve("report.html")).contains("gate:"));
        assertEquals(9, Baseline.read(first.resolve("run.json")).stages().size(), "no compare stages with --compare 0");
        Baseline suite = Baseline.read(first.resolve("gate-baseline.json"));
        assertEquals(List.of("chunk"), List.copyOf(suite.stages().keySet()));
        assertEquals(3, suite.stage("chunk").orElseThrow().forkCount());

        // gated against that baseline: two forks of the current code
        Path second = dir.resolve("second");
        Exit gated = run(with("--out", second.toString(), "--baseline", first.resolve("gate-baseline.json").toString(),
                "--gate", "--budgets", budgets.toString()));
        assertEquals(0, gated.code(), gated.out() + gated.err());
        assertTrue(gated.out().contains("gate: [chunk] in fresh JVMs against"), gated.out());
        assertTrue(gated.out().contains("stage 'chunk': "), gated.out());
        assertFalse(gated.out().contains("REGRESSION"), gated.out());
        assertTrue(gated.out().contains("forked against a stored baseline, 2 to 2 forks, time cap 60 s"), gated.out());
        assertTrue(gated.out().contains("gate: PASSED (every budget met, no regression against the baseline)"),
                gated.out());
        assertTrue(Files.readString(second.resolve("gate-report.html")).contains("chunk"));
        assertTrue(Files.readString(second.resolve("report.md")).contains("## budget4j gate"));

        // the same again with the pipeline's search budget far too tight
        Path tight = dir.resolve("tight.properties");
        Files.writeString(tight, roomyBudgets().replaceAll("(?m)^query\\.search .*$", "query.search = p50<=1ns"));
        Exit failed = run(with("--out", dir.resolve("third").toString(), "--baseline",
                first.resolve("gate-baseline.json").toString(), "--budgets", tight.toString(), "--gate"));
        assertEquals(1, failed.code(), failed.out());
        assertTrue(failed.out().contains("query.search") && failed.out().contains("VIOLATED"), failed.out());
        assertTrue(failed.err().contains("gate: FAILED (a budget was violated: query.search)\n"), failed.err());
    }

    @Test
    void anUnreadableBaselineIsABadCommandLine(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schemaVersion\": 1, \"stages\": [");
        Exit e = run("--baseline", broken.toString(), "--gate");
        assertEquals(2, e.code());
        assertTrue(e.err().startsWith("error: ") && e.err().contains(broken.toString()), e.err());
        assertEquals(1, e.err().lines().count(), "one line naming the file: " + e.err());
        Exit missing = run("--baseline", dir.resolve("nope.json").toString());
        assertEquals(2, missing.code());
        assertEquals("", missing.out());
    }

    @Test
    void aRunOfThePipelineIsNotAGateBaseline(@TempDir Path dir) throws Exception {
        Path runJson = dir.resolve("run.json");
        PipelineTest.javaRun().run().write(runJson);
        Exit e = run("--baseline", runJson.toString(), "--gate");
        assertEquals(2, e.code());
        assertTrue(e.err().startsWith("error: baseline " + runJson + " must hold stages of the gate suite [clean, chunk,"
                + " query.search] (a gate-baseline.json written by --save-baseline), but holds [chunk, clean, embed,"), e.err());
        assertEquals("", e.out());
    }
}
