package dev.budget4j.profile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.MachineFingerprint;
import dev.budget4j.profile.StageBaseline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCommandTest {
    static final MachineFingerprint M = new MachineFingerprint("cpu", 2, 2, 1L << 33, "linux", "v", "25");

    @TempDir
    Path dir;
    Path base;
    Path same;
    Path slow;

    static Baseline run(double factor) {
        double[] lat = {1000 * factor, 1010 * factor, 990 * factor, 1005 * factor, 995 * factor};
        double[] tp = {1e6 / factor, 1.01e6 / factor, 0.99e6 / factor, 1.005e6 / factor, 0.995e6 / factor};
        Histogram h = new Histogram(3);
        for (double l : lat) {
            h.recordValueWithCount((long) l, 100);
        }
        Map<String, double[]> rounds = new LinkedHashMap<>();
        rounds.put("p50", lat);
        rounds.put("p99", lat);
        rounds.put("throughput", tp);
        return Baseline.builder().createdAt(Instant.EPOCH).gitCommit(null).machine(M)
                .stage(new StageBaseline("sort", h, 0, 500_000, -1, -1, -1, null, rounds)).build();
    }

    @BeforeEach
    void files() throws Exception {
        base = dir.resolve("base.json");
        same = dir.resolve("same.json");
        slow = dir.resolve("slow.json");
        run(1).write(base);
        run(1).write(same);
        run(1.25).write(slow);
    }

    private int code;
    private String out;
    private String err;

    private void run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        code = GateCommand.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void passExitsZeroAndWritesReports() throws Exception {
        Path html = dir.resolve("r.html");
        Path md = dir.resolve("r.md");
        run("compare", "--baseline", base.toString(), "--current", same.toString(), "--html", html.toString(), "--markdown",
                md.toString());
        assertEquals(0, code, out + err);
        assertTrue(out.contains("budget4j gate: PASS"), out);
        assertTrue(Files.readString(html).contains("<svg"));
        assertTrue(Files.readString(md).contains("✅ PASS"));
    }

    @Test
    void regressionExitsOne() {
        run("compare", "--baseline", base.toString(), "--current", slow.toString());
        assertEquals(1, code, out);
        assertTrue(out.contains("REGRESSION"));
    }

    @Test
    void rulesFromTheCommandLineApply() {
        run("compare", "--baseline", base.toString(), "--current", slow.toString(), "--rule", "p50<=1.5x",
                "--rule", "p99<=1.5x", "--rule", "p95<=1.5x", "--stage-rule", "sort:throughput>=0.7x");
        assertEquals(0, code, out + err);
    }

    @Test
    void badInputExitsTwoWithAMessage() throws Exception {
        run();
        assertEquals(2, code);
        assertTrue(err.contains("usage:"));
        run("compare", "--baseline", dir.resolve("nope.json").toString(), "--current", same.toString());
        assertEquals(2, code);
        assertTrue(err.contains("file not found"), err);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(base).substring(0, 100));
        run("compare", "--baseline", broken.toString(), "--current", same.toString());
        assertEquals(2, code);
        assertTrue(err.contains("broken.json") && err.contains("truncated"), err);
        run("compare", "--baseline", base.toString());
        assertEquals(2, code);
        assertTrue(err.contains("needs --baseline and --current"), err);
        run("compare", "--baseline", base.toString(), "--current", same.toString(), "--rule", "latency<=2x");
        assertEquals(2, code);
        assertTrue(err.contains("unknown dimension"), err);
        run("compare", "--bogus", "x");
        assertEquals(2, code);
        run("frobnicate");
        assertEquals(2, code);
        assertTrue(err.contains("unknown command 'frobnicate'"));
        run("compare", "--baseline");
        assertEquals(2, code);
        assertTrue(err.contains("needs a value"));
    }

    @Test
    void trendReadsAHistory() throws Exception {
        Path history = dir.resolve("runs.jsonl");
        dev.budget4j.profile.RunHistory.append(history, run(1));
        dev.budget4j.profile.RunHistory.append(history, run(1.1));
        run("trend", "--history", history.toString(), "--last", "5");
        assertEquals(0, code, err);
        assertTrue(out.contains("+10.0%"), out);
        run("trend", "--history", history.toString(), "--last", "zero");
        assertEquals(2, code);
    }

    @Test
    void helpAfterAnyCommandPrintsUsageAndExitsZero() {
        for (String[] args : new String[][] {{"compare", "--help"}, {"interleave", "-h"}, {"--help"}, {"gate", "--baseline", "x", "--help"}}) {
            run(args);
            assertEquals(0, code, String.join(" ", args));
            assertTrue(out.contains("usage:") && out.contains("interleave --baseline-cp"), out);
        }
    }

    @Test
    void aDirectoryGivenAsAFileIsNamed() {
        run("compare", "--baseline", dir.toString(), "--current", same.toString());
        assertEquals(2, code);
        assertTrue(err.contains(dir.toString()) && err.contains("is a directory"), err);
        run("gate", "--baseline", dir.toString());
        assertEquals(2, code);
        assertTrue(err.contains("is a directory"), err);
    }

    @Test
    void forkCommandsCheckTheirOptions() {
        run("interleave", "--baseline-cp", "a.jar");
        assertEquals(2, code);
        assertTrue(err.contains("interleave needs --baseline-cp and --candidate-cp"), err);
        run("measure", "--forks", "0", "--out", "x.json");
        assertEquals(2, code);
        assertTrue(err.contains("--forks must be a whole number in [1, 1000], but was 0"), err);
        run("gate", "--baseline", base.toString(), "--max-time", "soon");
        assertEquals(2, code);
        assertTrue(err.contains("--max-time must be a duration such as 150s, 3m or 500ms, but was 'soon'"), err);
        run("gate", "--baseline", base.toString(), "--min-forks", "9", "--max-forks", "3");
        assertEquals(2, code);
        assertTrue(err.contains("--max-forks must be >= --min-forks (9), but was 3"), err);
        run("measure", "--out", "x.json", "--jvm-arg", "--add-modules");
        assertEquals(2, code);
        assertTrue(err.contains("write --jvm-arg=VALUE"), err);
        run("measure", "--out", "x.json", "--warmup-time", "2");
        assertEquals(2, code);
        assertTrue(err.contains("--warmup-time must be a duration such as 150s, 3m or 500ms, but was '2'"), err);
        run("measure", "--out", "x.json", "--duet");
        assertEquals(2, code);
        assertTrue(err.contains("unknown option --duet for measure"), err);
    }

    @Test
    void measureLaunchesForksAndCompareGatesThem() throws Exception {
        Path file = dir.resolve("forked.json");
        String suite = "--suite=" + dev.budget4j.profile.WordCountSuite.class.getName();
        run("measure", suite, "--forks", "2", "--warmup", "200", "--warmup-time", "20ms", "--iterations", "50", "--rounds", "2",
                "--jvm-arg=-Dwordcount.extra=0.25", "--out", file.toString());
        assertEquals(0, code, err);
        Baseline read = Baseline.read(file);
        assertEquals(2, read.stage("wordcount").orElseThrow().forkCount());
        run("compare", "--baseline", file.toString(), "--current", file.toString());
        assertEquals(0, code, out + err);
        assertTrue(out.contains("2 forks (JVMs)"), out);
        assertTrue(out.contains("2 vs 2 forks, t on fork medians"), out);
    }
}
