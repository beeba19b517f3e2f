package dev.budget4j.profile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.StageSnapshot;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.MachineFingerprint;
import dev.budget4j.profile.StageBaseline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
                .stage(StageBaseline.fromRounds(StageSnapshot.builder("sort", h).elapsedNanos(500_000).build(), rounds, null))
                .build();
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
        assertOneMistake("name a command: compare, measure, gate, interleave, merge or trend");
        run("compare", "--baseline", dir.resolve("nope.json").toString(), "--current", same.toString());
        assertEquals(2, code);
        assertOneMistake("--baseline: file not found: " + dir.resolve("nope.json"));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(base).substring(0, 100));
        run("compare", "--baseline", broken.toString(), "--current", same.toString());
        assertEquals(2, code);
        assertTrue(err.contains("broken.json") && err.contains("truncated"), err);
        run("compare", "--baseline", base.toString());
        assertEquals(2, code);
        assertOneMistake("Missing required option: '--current=B'");
        run("compare", "--baseline", base.toString(), "--current", same.toString(), "--rule", "latency<=2x");
        assertEquals(2, code);
        assertOneMistake("--rule latency<=2x: rule 'latency<=2x' names an unknown dimension");
        run("compare", "--bogus", "x");
        assertEquals(2, code);
        assertOneMistake("Unknown options: '--bogus', 'x'");
        run("frobnicate");
        assertEquals(2, code);
        assertOneMistake("unknown command 'frobnicate'; expected compare, measure, gate, interleave, merge or trend");
        run("compare", "--current", same.toString(), "--baseline");
        assertEquals(2, code);
        assertOneMistake("Missing required parameter for option '--baseline'");
    }

    /** The first line of the error output starts with "error: " and {@code message}; at most one short line follows. */
    private void assertOneMistake(String message) {
        List<String> lines = err.lines().toList();
        assertTrue(lines.size() >= 1 && lines.size() <= 2, "one line and at most a hint: " + err);
        assertTrue(lines.get(0).startsWith("error: " + message), err);
        if (lines.size() == 2) {
            assertTrue(lines.get(1).length() <= 80, "a short second line: " + err);
        }
        assertEquals("", out, "nothing on standard output");
    }

    @Test
    void aMistypedCommandOrOptionGetsASuggestion() {
        run("compar", "--baseline", base.toString(), "--current", same.toString());
        assertEquals(2, code);
        assertOneMistake("unknown command 'compar'");
        assertEquals("Did you mean: compare?", err.lines().toList().get(1));
        run("compare", "--baselin", base.toString(), "--current", same.toString());
        assertEquals(2, code, "an unknown option is reported before the missing --baseline");
        assertOneMistake("Unknown options: '--baselin'");
        assertEquals("Possible solutions: --baseline", err.lines().toList().get(1));
        run("trend", "--histroy", "runs.jsonl");
        assertEquals(2, code);
        assertEquals("Possible solutions: --history", err.lines().toList().get(1));
        run("gate", "--baseline", base.toString(), "--min-forks", "x");
        assertEquals(2, code);
        assertOneMistake("--min-forks must be a whole number, but was 'x'");
        assertEquals("see 'gate --help'", err.lines().toList().get(1), "no suggestion: where the usage is");
    }

    @Test
    void anUnreadableBaselineExitsTwoNamingThePath() throws Exception {
        Path underAFile = base.resolve("inner.json");
        run("compare", "--baseline", underAFile.toString(), "--current", same.toString());
        assertEquals(2, code);
        assertOneMistake("--baseline: ");
        assertTrue(err.contains(underAFile.toString()), err);
        Path locked = dir.resolve("locked.json");
        Files.copy(base, locked);
        assertTrue(locked.toFile().setReadable(false, false));
        Assumptions.assumeFalse(Files.isReadable(locked), "a superuser reads every file");
        run("compare", "--baseline", locked.toString(), "--current", same.toString());
        assertEquals(2, code);
        assertOneMistake("--baseline: permission denied: " + locked);
    }

    @Test
    void helpAndVersionExitZeroForTheToolAndEveryCommand() {
        String version = System.getProperty("budget4j.version");
        assertTrue(version != null && !version.isBlank() && !version.contains("${"), "the build passes the version: " + version);
        for (String command : new String[] {"", "compare", "measure", "gate", "interleave", "merge", "trend"}) {
            for (String help : new String[] {"--help", "-h"}) {
                run(command.isEmpty() ? new String[] {help} : new String[] {command, help});
                assertEquals(0, code, command + " " + help + ": " + err);
                assertTrue(out.startsWith("Usage: budget4j " + command), out);
                assertTrue(out.contains("Exit codes: 0 pass, 1 regression, 2 bad input"), out);
                assertEquals("", err);
            }
            for (String v : new String[] {"--version", "-V"}) {
                run(command.isEmpty() ? new String[] {v} : new String[] {command, v});
                assertEquals(0, code, command + " " + v + ": " + err);
                assertEquals("budget4j " + version + System.lineSeparator(), out);
            }
        }
        run("--help");
        for (String command : new String[] {"compare", "measure", "gate", "interleave", "merge", "trend"}) {
            assertTrue(out.contains("\n  " + command + " "), "the tool's help lists " + command + ": " + out);
        }
    }

    @Test
    void anUnforeseenFailureExitsThreeNeverOne() {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text, true);
        CommandLine cl = GateCommand.commandLine(w, w);
        int exit = new Errors().handleExecutionException(new NullPointerException("boom"), cl, null);
        assertEquals(GateCommand.INTERNAL_ERROR, exit);
        assertEquals(3, exit);
        assertTrue(text.toString().startsWith("internal error (exit 3; please report it with this trace): "
                + "java.lang.NullPointerException: boom"), text.toString());
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
        for (String[] args : new String[][] {{"compare", "--help"}, {"interleave", "-h"}, {"--help"}, {"gate", "--baseline", "x", "--help"},
            {"help", "interleave"}}) {
            run(args);
            assertEquals(0, code, String.join(" ", args));
            assertTrue(out.startsWith("Usage: budget4j") && out.contains("interleave"), out);
        }
    }

    @Test
    void aDirectoryGivenAsAFileIsNamed() {
        run("compare", "--baseline", dir.toString(), "--current", same.toString());
        assertEquals(2, code);
        assertTrue(err.contains(dir.toString()) && err.contains("is a directory"), err);
        assertOneMistake("--baseline: bad baseline file " + dir + ": is a directory");
        run("gate", "--baseline", dir.toString());
        assertEquals(2, code);
        assertTrue(err.contains("is a directory"), err);
    }

    @Test
    void forkCommandsCheckTheirOptions() {
        run("interleave", "--baseline-cp", "a.jar");
        assertEquals(2, code);
        assertOneMistake("Missing required option: '--candidate-cp=CP'");
        run("interleave", "--baseline-cp", "a.jar", "--candidate-cp", " ");
        assertEquals(2, code);
        assertOneMistake("interleave needs --baseline-cp and --candidate-cp");
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
        assertOneMistake("option --jvm-arg needs a value (write --jvm-arg=VALUE for a value that starts with --)");
        run("measure", "--out", "x.json", "--warmup-time", "2");
        assertEquals(2, code);
        assertTrue(err.contains("--warmup-time must be a duration such as 150s, 3m or 500ms, but was '2'"), err);
        run("measure", "--out", "x.json", "--duet");
        assertEquals(2, code);
        assertOneMistake("Unknown option: '--duet'");
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
