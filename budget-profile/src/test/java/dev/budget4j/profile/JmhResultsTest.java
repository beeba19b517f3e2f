package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Dimension;
import dev.budget4j.profile.internal.JmhJson;
import dev.budget4j.profile.internal.JsonReader;
import dev.budget4j.profile.internal.JsonWriter;
import dev.budget4j.profile.internal.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMH result files from this repository's benchmarks module ({@code src/test/resources/jmh}, made
 * with {@code -i 3 -r 200ms -prof gc -rf json}; the {@code jvm} field, a local path, set to
 * {@code java}): {@code avgt.json} is {@code DecoratorOverhead.bare} in avgt mode
 * ({@code -f 5 -wi 1 -w 200ms}), {@code thrpt.json} is {@code DotBenchmark.dot} with
 * {@code dims=128} and two backends in thrpt mode ({@code -f 5 -wi 2 -w 500ms -tu us}),
 * {@code sample.json} is {@code DecoratorOverhead.bare} in sample mode ({@code -f 3 -wi 1 -w 200ms}).
 */
class JmhResultsTest {
    private static final String BARE = "dev.budget4j.benchmarks.DecoratorOverhead.bare";
    private static final String DOT = "dev.budget4j.benchmarks.kernels.DotBenchmark.dot";
    private static final Dimension TP = Dimension.THROUGHPUT;

    @TempDir
    Path dir;

    private static Path resource(String name) throws Exception {
        return Path.of(JmhResultsTest.class.getResource("/jmh/" + name).toURI());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parsed(String name) throws Exception {
        return (List<Map<String, Object>>) JsonReader.parse(Files.readString(resource(name)));
    }

    private static void assertShape(StageBaseline s, int forks, int iterations) {
        assertEquals(forks, s.forkCount());
        s.forks().forEach(f -> assertEquals(iterations, f.rounds()));
        assertEquals(0, s.snapshot().failures());
        assertEquals(0, s.snapshot().elapsedNanos());
        assertTrue(s.snapshot().allocatedBytes().isEmpty());
        assertTrue(s.budget().isEmpty());
    }

    @Test
    void avgtBecomesThroughputPerIterationAndRoundedAllocation() throws Exception {
        Path file = resource("avgt.json");
        assertTrue(JmhResults.isJmhJson(file));
        Baseline b = JmhResults.read(file);
        assertEquals(List.of(BARE), List.copyOf(b.stages().keySet()));
        StageBaseline s = b.stage(BARE).orElseThrow();
        assertShape(s, 5, 3);
        assertEquals(0, s.snapshot().calls(), "avgt has no latency histogram");
        // rawData[0][0] is 3.4455254603938545 ns/op: 1e9 / 3.4455254603938545 = 290,231,493.42 ops/s
        assertEquals(290_231_493.42, s.perFork(TP)[0][0], 0.01);
        // gc.alloc.rate.norm is about 1e-4 B/op in every iteration: JMH's own bookkeeping
        for (double[] fork : s.perFork(Dimension.ALLOCATION)) {
            assertEquals(List.of(0.0, 0.0, 0.0), List.of(fork[0], fork[1], fork[2]));
            assertEquals(3, fork.length);
        }
        assertEquals(0, s.perFork(Dimension.percentile(99))[0].length, "no percentiles in avgt mode");
        assertEquals(List.of("imported from JMH 1.37 (avgt mode, 5 forks \u00d7 3 iterations)"), b.notes());
        assertTrue(b.gitCommit().isEmpty());
        assertEquals(Files.getLastModifiedTime(file).toInstant(), b.createdAt());
        assertEquals("OpenJDK 64-Bit Server VM", b.machine().jvmVendor());
        assertEquals("25.0.3+9-LTS", b.machine().jvmVersion());
        assertTrue(b.machine().cpu().startsWith("unknown"), b.machine().cpu());
    }

    @Test
    void thrptConvertsToOperationsPerSecondAndNamesStagesWithSortedParams() throws Exception {
        Baseline b = JmhResults.read(resource("thrpt.json"));
        assertEquals(List.of(DOT + "[backend=java,dims=128]", DOT + "[backend=vector,dims=128]"),
                List.copyOf(b.stages().keySet()));
        for (StageBaseline s : b.stages().values()) {
            assertShape(s, 5, 3);
        }
        // rawData[0][0] of the java entry is 13.369544018319258 ops/us = 13,369,544.018 ops/s
        assertEquals(13_369_544.018, b.stage(DOT + "[backend=java,dims=128]").orElseThrow().perFork(TP)[0][0], 0.001);
        assertEquals(List.of("imported from JMH 1.37 (thrpt mode, 5 forks \u00d7 3 iterations)"), b.notes());
    }

    @Test
    void sampleGivesOrderedPercentilesAndAHistogramOfEverySample() throws Exception {
        Baseline b = JmhResults.read(resource("sample.json"));
        StageBaseline s = b.stage(BARE).orElseThrow();
        assertShape(s, 3, 3);
        long counts = 0;
        for (Object fork : (List<?>) ((Map<?, ?>) parsed("sample.json").get(0).get("primaryMetric")).get("rawDataHistogram")) {
            for (Object iteration : (List<?>) fork) {
                for (Object pair : (List<?>) iteration) {
                    counts += (Long) ((List<?>) pair).get(1);
                }
            }
        }
        assertEquals(55_503, counts);
        assertEquals(counts, s.snapshot().calls());
        assertEquals(0, s.perFork(TP)[0].length, "sample mode has no throughput");
        String[] order = {"p50", "p90", "p95", "p99", "p99.9", "max"};
        for (int f = 0; f < 3; f++) {
            for (int i = 0; i < 3; i++) {
                for (int k = 1; k < order.length; k++) {
                    double lower = s.perFork(Dimension.ofLabel(order[k - 1]))[f][i];
                    double upper = s.perFork(Dimension.ofLabel(order[k]))[f][i];
                    assertTrue(lower <= upper, order[k - 1] + " <= " + order[k] + " in fork " + f + " iteration " + i);
                }
            }
        }
        // fork 0, iteration 0 by hand from its 6,475 samples (ns/op): p50 30, p90 40, p99 111, max 30752
        assertEquals(30, s.perFork(Dimension.percentile(50))[0][0]);
        assertEquals(40, s.perFork(Dimension.percentile(90))[0][0]);
        assertEquals(111, s.perFork(Dimension.percentile(99))[0][0]);
        assertEquals(30_752, s.perFork(Dimension.MAX)[0][0], 30_752 * 1e-3);
        Histogram h = s.snapshot().histogram();
        assertEquals(8_028_160, h.getMaxValue(), 8_028_160 * 1e-3);
        assertTrue(s.snapshot().percentileNanos(50) <= s.snapshot().percentileNanos(99));
        assertEquals(List.of("imported from JMH 1.37 (sample mode, 3 forks \u00d7 3 iterations)"), b.notes());
    }

    /** The file with every primary-metric value made {@code factor} times slower. */
    private Path slower(String name, double factor) throws Exception {
        List<Map<String, Object>> root = parsed(name);
        for (Map<String, Object> e : root) {
            @SuppressWarnings("unchecked")
            Map<String, Object> primary = (Map<String, Object>) e.get("primaryMetric");
            if (e.get("mode").equals("sample")) {
                for (Object fork : (List<?>) primary.get("rawDataHistogram")) {
                    for (Object iteration : (List<?>) fork) {
                        for (Object pair : (List<?>) iteration) {
                            @SuppressWarnings("unchecked")
                            List<Object> p = (List<Object>) pair;
                            p.set(0, ((Number) p.get(0)).doubleValue() * factor);
                        }
                    }
                }
            } else {
                DoubleUnaryOperator op = e.get("mode").equals("thrpt") ? v -> v / factor : v -> v * factor;
                primary.put("rawData", map((List<?>) primary.get("rawData"), op));
            }
        }
        Path out = dir.resolve("slower-" + name);
        Files.writeString(out, JsonWriter.write(root));
        return out;
    }

    private static List<Object> map(List<?> forks, DoubleUnaryOperator op) {
        return forks.stream().<Object>map(f -> ((List<?>) f).stream().<Object>map(v -> op.applyAsDouble(((Number) v).doubleValue()))
                .toList()).toList();
    }

    private static GateStatus status(GateReport r, String stage, String label) {
        return r.stages().stream().filter(s -> s.stage().equals(stage)).findFirst().orElseThrow().dimensions().stream()
                .filter(d -> d.rule().dimension().label().equals(label)).findFirst().orElseThrow().status();
    }

    @Test
    void theGateRunsOnJmhRunsAndFindsAFiftyPercentSlowdown() throws Exception {
        for (String name : List.of("avgt.json", "thrpt.json", "sample.json")) {
            Baseline base = JmhResults.read(resource(name));
            GateReport same = Gate.defaults().compare(base, JmhResults.read(resource(name)));
            assertFalse(same.machineMismatch(), name + ": two imports from one JVM are one machine");
            assertNotEquals(GateStatus.REGRESSION, same.status(), name + ": " + same.toConsoleTable());
            same.stages().forEach(s -> assertFalse(s.dimensions().isEmpty(), name + ": " + s.stage() + " compared nothing"));

            GateReport slower = Gate.defaults().compare(base, JmhResults.read(slower(name, 1.5)));
            assertEquals(GateStatus.REGRESSION, slower.status(), name + ": " + slower.toConsoleTable());
            for (String stage : base.stages().keySet()) {
                assertEquals(GateStatus.PASS, status(slower, stage, "alloc"), name + ": allocation did not change");
                if (name.equals("sample.json")) {
                    // p50 moves in timer steps (30 ns, 40 ns) between forks, so only the tail is certain
                    assertEquals(GateStatus.REGRESSION, status(slower, stage, "p99"), name + ": " + slower.toConsoleTable());
                    assertNotEquals(GateStatus.PASS, status(slower, stage, "p50"), name + ": " + slower.toConsoleTable());
                } else {
                    assertEquals(GateStatus.REGRESSION, status(slower, stage, "throughput"), name + ": "
                            + slower.toConsoleTable());
                }
            }
            for (GateReport r : List.of(same, slower)) {
                assertFalse(r.toMarkdown().isEmpty());
                assertFalse(r.toJson().isEmpty());
                assertFalse(r.toHtml().isEmpty());
            }
        }
    }

    @Test
    void aJmhRunAgainstABudget4jRunReportsTheMachinesDiffer() throws Exception {
        Baseline ours = Fixtures.baseline(Fixtures.stage(BARE, Fixtures.LAT, Fixtures.TP, 0, null));
        GateReport r = Gate.defaults().compare(ours, JmhResults.read(resource("avgt.json")));
        assertTrue(r.machineMismatch());
        assertTrue(r.machineDifferences().stream().anyMatch(d -> d.startsWith("cpu: ")), r.machineDifferences().toString());
        assertFalse(r.toConsoleTable().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Gate.builder().refuseForeignMachine(true).build()
                .compare(ours, JmhResults.read(resource("avgt.json"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }

    /** Writes {@code json} (a value or text), reads it and returns the problem, checking the file is named. */
    private String bad(String name, Object json) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, json instanceof String ? (String) json : JsonWriter.write(json));
        BaselineFormatException e = assertThrows(BaselineFormatException.class, () -> JmhResults.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        if (JmhJson.startsWithArray(file)) {
            BaselineFormatException viaRunFiles = assertThrows(BaselineFormatException.class, () -> RunFiles.read(file));
            assertEquals(e.getMessage(), viaRunFiles.getMessage(), "RunFiles gives the JMH reader's message");
        }
        return e.problem();
    }

    /** The avgt file's one entry, changed by {@code change}, as a file's JSON. */
    private static List<Object> avgt(java.util.function.Consumer<Map<String, Object>> change) throws Exception {
        Map<String, Object> e = parsed("avgt.json").get(0);
        change.accept(e);
        return List.of(e);
    }

    private static void assertHas(String problem, String... parts) {
        for (String p : parts) {
            assertTrue(problem.contains(p), "'" + p + "' missing from: " + problem);
        }
    }

    @Test
    void badFilesNameTheFileTheEntryAndTheProblem() throws Exception {
        String entry = "entry 1 of 1 (benchmark " + BARE + "): ";
        assertHas(bad("text.json", "[not json"), "is not valid JSON");
        assertHas(bad("empty.json", "  \n"), "is empty");
        assertHas(bad("array.json", "[]"), "holds no benchmark results");
        assertHas(bad("numbers.json", "[1, 2]"), "entry 1 of 2 must be a JSON object, but was 1");
        assertHas(bad("object.json", Map.of("benchmark", BARE)), "is not a JMH result file", "an object");
        assertHas(bad("nobench.json", avgt(e -> e.remove("benchmark"))), "entry 1 of 1: benchmark must be a non-blank string,"
                + " but was missing");
        assertHas(bad("nomode.json", avgt(e -> e.remove("mode"))), entry + "mode must be a non-blank string, but was missing");
        assertHas(bad("noprimary.json", avgt(e -> e.remove("primaryMetric"))), entry + "primaryMetric must be a JSON object");
        assertHas(bad("nounit.json", avgt(e -> obj(e.get("primaryMetric")).remove("scoreUnit"))),
                entry + "primaryMetric.scoreUnit must be a non-blank string, but was missing");
        assertHas(bad("mode.json", avgt(e -> e.put("mode", "all"))), entry + "mode must be one of thrpt, avgt, sample or ss,"
                + " but was \"all\"");
        assertHas(bad("unit.json", avgt(e -> obj(e.get("primaryMetric")).put("scoreUnit", "ops/s"))),
                entry + "primaryMetric.scoreUnit must be a time per operation", "in avgt mode, but was \"ops/s\"");
        assertHas(bad("unit2.json", avgt(e -> {
            e.put("mode", "thrpt");
            obj(e.get("primaryMetric")).put("scoreUnit", "ops/fortnight");
        })), "primaryMetric.scoreUnit must be operations per time", "but was \"ops/fortnight\"");
        assertHas(bad("norawdata.json", avgt(e -> obj(e.get("primaryMetric")).remove("rawData"))),
                entry + "primaryMetric.rawData must be an array of arrays of numbers", "but was missing");
        assertHas(bad("flat.json", avgt(e -> obj(e.get("primaryMetric")).put("rawData", List.of(1.0, 2.0)))),
                entry + "primaryMetric.rawData[0] must be an array of numbers (one per iteration), but was 1.0");
        assertHas(bad("noforks.json", avgt(e -> obj(e.get("primaryMetric")).put("rawData", List.of()))),
                entry + "primaryMetric.rawData must hold at least one fork, but was empty");
        assertHas(bad("noiterations.json", avgt(e -> obj(e.get("primaryMetric")).put("rawData",
                List.of(List.of(1.0), List.of())))), entry + "primaryMetric.rawData[1] (fork 2) has no iterations");
        assertHas(bad("nan.json", avgt(e -> obj(e.get("primaryMetric")).put("rawData", List.of(List.of(1.0, "NaN"))))),
                entry + "primaryMetric.rawData[0][1] must be a finite number, but was \"NaN\"");
        String inf = JsonWriter.write(avgt(e -> obj(e.get("primaryMetric")).put("rawData", List.of(List.of(12345.678)))));
        assertHas(bad("inf.json", inf.replace("12345.678", "1e999")),
                entry + "primaryMetric.rawData[0][0] must be a finite number, but was Infinity");
        assertHas(bad("zero.json", avgt(e -> obj(e.get("primaryMetric")).put("rawData", List.of(List.of(0.0))))),
                entry + "primaryMetric.rawData[0][0] must be > 0 (a time per operation), but was 0.0");
        assertHas(bad("params.json", avgt(e -> e.put("params", Map.of("size", 768L)))),
                "params.size must be a string, but was 768");
    }

    @Test
    void badSampleAllocationAndDuplicateEntriesAreNamed() throws Exception {
        String entry = "entry 1 of 1 (benchmark " + BARE + "): ";
        List<Object> sample = List.of(parsed("sample.json").get(0));
        Map<String, Object> primary = obj(obj(sample.get(0)).get("primaryMetric"));
        primary.put("rawDataHistogram", List.of(List.of(List.of(List.of(30.0, 5L), List.of(40.0)))));
        assertHas(bad("pair.json", sample), entry + "primaryMetric.rawDataHistogram[0][0][1] must be a [value, count] pair,"
                + " but had 1 elements");
        primary.put("rawDataHistogram", List.of(List.of(List.of(List.of(30.0, 0L)))));
        assertHas(bad("nosamples.json", sample), entry + "primaryMetric.rawDataHistogram[0][0] holds no samples");
        primary.put("rawDataHistogram", List.of(List.of(List.of(List.of(30.0, 2.5)))));
        assertHas(bad("count.json", sample), "primaryMetric.rawDataHistogram[0][0][0][1] must be a whole number >= 0,"
                + " but was 2.5");
        primary.remove("rawDataHistogram");
        assertHas(bad("nohistogram.json", sample), entry + "primaryMetric.rawDataHistogram must be an array (one per fork)",
                "but was missing");

        assertHas(bad("allocforks.json", avgt(e -> obj(obj(e.get("secondaryMetrics")).get("gc.alloc.rate.norm"))
                .put("rawData", List.of(List.of(0.0, 0.0, 0.0))))),
                entry + "secondaryMetrics.gc.alloc.rate.norm.rawData must hold one array per fork of the primary metric (5),"
                        + " but held 1");
        assertHas(bad("allocunit.json", avgt(e -> obj(obj(e.get("secondaryMetrics")).get("gc.alloc.rate.norm"))
                .put("scoreUnit", "KiB/op"))), "secondaryMetrics.gc.alloc.rate.norm.scoreUnit must be \"B/op\"");

        List<Map<String, Object>> twice = parsed("avgt.json");
        Map<String, Object> thrpt = parsed("avgt.json").get(0);
        thrpt.put("mode", "thrpt");
        obj(thrpt.get("primaryMetric")).put("scoreUnit", "ops/s");
        twice.add(thrpt);
        assertHas(bad("twice.json", twice), "entries 1 and 2 both give stage '" + BARE + "' (modes avgt and thrpt)",
                "must be unique");
    }

    @Test
    void olderJmhAllocationKeyWithAMiddleDotIsRead() throws Exception {
        Path file = dir.resolve("dot.json");
        Files.writeString(file, Files.readString(resource("avgt.json")).replace("\"gc.alloc.rate.norm\"",
                "\"\u00b7gc.alloc.rate.norm\"").replace("1.1910554813665274E-4", "48.4"));
        StageBaseline s = JmhResults.read(file).stage(BARE).orElseThrow();
        assertEquals(48, s.perFork(Dimension.ALLOCATION)[0][0]);
        assertEquals(0, s.perFork(Dimension.ALLOCATION)[0][1]);
    }

    @Test
    void runFilesReadsEitherFormatAndRefusesADirectory() throws Exception {
        BaselineFormatException e = assertThrows(BaselineFormatException.class, () -> RunFiles.read(dir));
        assertEquals(dir, e.file());
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertEquals(List.of(BARE), List.copyOf(RunFiles.read(resource("sample.json")).stages().keySet()));
        Path ours = dir.resolve("ours.json");
        Fixtures.baseline(Fixtures.stage("s", Fixtures.LAT, Fixtures.TP, 64, null)).write(ours);
        assertEquals(List.of("s"), List.copyOf(RunFiles.read(ours).stages().keySet()));
        assertFalse(JmhResults.isJmhJson(ours));
        assertFalse(JmhResults.isJmhJson(dir));
        assertFalse(JmhResults.isJmhJson(dir.resolve("missing.json")));
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, " []");
        assertFalse(JmhResults.isJmhJson(empty));
        assertTrue(JmhResults.isJmhJson(resource("thrpt.json")));
        assertTrue(JmhResults.isJmhJson(resource("sample.json")));
    }
}
