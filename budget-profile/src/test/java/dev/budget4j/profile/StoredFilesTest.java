package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Dimension;
import dev.budget4j.StageSnapshot;
import dev.budget4j.profile.internal.JsonReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by earlier versions of budget4j (under {@code src/test/resources/files}) keep
 * reading, and what is written now keeps their layout, except the p99.99 summary's key.
 */
class StoredFilesTest {
    @TempDir
    Path dir;

    private Path stored(String name) throws Exception {
        return Files.write(dir.resolve(name), HostileFilesTest.resource("files/" + name));
    }

    private static String text(String name) throws Exception {
        return new String(HostileFilesTest.resource("files/" + name), StandardCharsets.UTF_8);
    }

    @Test
    void aSchemaTwoBaselineWithTheOldP100KeyReadsAndIsWrittenBackInTheSameLayout() throws Exception {
        String old = text("baseline-schema2.json");
        assertTrue(old.contains("\"p100\": 1010"), "the stored file has the old key");
        Baseline read = Baseline.read(stored("baseline-schema2.json"));
        assertEquals(List.of("sort", "tokenize, fast", "paired"), List.copyOf(read.stages().keySet()));
        StageBaseline paired = read.stage("paired").orElseThrow();
        assertEquals(3, paired.forkCount());
        assertTrue(paired.paired());
        assertTrue(Double.isNaN(paired.forks().get(0).values(Dimension.percentile(50))[2]), "null reads as NaN");
        assertEquals(List.of("a note for readers"), read.notes());
        assertEquals("vector", read.kernelBackend().orElseThrow());

        String written = read.toJson();
        // A histogram is written back with the same recorded values; its encoded header may size the
        // array to the values it holds, so those strings are compared decoded.
        List<String> expected = old.replace("\"p100\":", "\"p99.99\":").lines().toList();
        List<String> actual = written.lines().toList();
        assertEquals(expected.size(), actual.size(), written);
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i).contains("\"histogram\": \"HIST")) {
                assertEquals(decode(expected.get(i)), decode(actual.get(i)), "recorded values of line " + (i + 1));
            } else {
                assertEquals(expected.get(i), actual.get(i), "same layout, the p99.99 summary under its own key");
            }
        }
        assertFalse(written.contains("p100"), written);
    }

    private static Histogram decode(String line) {
        String base64 = line.substring(line.indexOf("HIST"), line.lastIndexOf('"'));
        try {
            return Histogram.decodeFromCompressedByteBuffer(java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(base64)), 0);
        } catch (java.util.zip.DataFormatException e) {
            throw new AssertionError(line, e);
        }
    }

    @Test
    void theP9999KeyHoldsTheP9999Percentile() throws Exception {
        Histogram h = new Histogram(3);
        for (long v = 1; v <= 99_990; v++) {
            h.recordValue(v * 1_000);
        }
        h.recordValueWithCount(1_000_000_000L, 10); // the slowest 0.01 %, far above p99.99
        StageBaseline s = StageBaseline.fromRounds(StageSnapshot.builder("s", h).elapsedNanos(1_000_000_000L).build(),
                Map.of("p50", new double[] {1}), null);
        Baseline b = Baseline.builder().createdAt(Instant.EPOCH).gitCommit(null).machine(Fixtures.MACHINE).stage(s).build();
        Map<?, ?> root = (Map<?, ?>) JsonReader.parse(b.toJson());
        Map<?, ?> pct = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) root.get("stages")).get("s")).get("percentilesNanos");
        assertEquals(List.of("p50", "p90", "p95", "p99", "p99.9", "p99.99", "max"), List.copyOf(pct.keySet()));
        assertEquals(s.snapshot().percentileNanos(99.99), ((Number) pct.get("p99.99")).doubleValue());
        assertTrue(((Number) pct.get("p99.99")).longValue() < ((Number) pct.get("max")).longValue(), pct.toString());
        Path file = dir.resolve("b.json");
        b.write(file);
        assertEquals(s.snapshot().percentileNanos(99.99), Baseline.read(file).stage("s").orElseThrow().snapshot().percentileNanos(99.99));
    }

    @Test
    void aSchemaOneBaselineReadsAsOneFork() throws Exception {
        Baseline read = Baseline.read(stored("baseline-schema1.json"));
        StageBaseline s = read.stage("s").orElseThrow();
        assertEquals(1, s.forkCount());
        assertEquals(1000, s.snapshot().calls());
        assertEquals(5, s.perRound(Dimension.percentile(50)).length);
        assertTrue(read.notes().get(0).contains("schema 1"), read.notes().toString());
    }

    @Test
    void aRunHistoryReadsAndAnAppendedLineHasTheOldForm() throws Exception {
        Path file = stored("runs.jsonl");
        List<RunHistory.Entry> runs = RunHistory.read(file);
        assertEquals(2, runs.size());
        assertEquals(1000.0, runs.get(0).stages().get("sort").get("p50"));
        assertEquals("vector", runs.get(0).kernelBackend());

        RunHistory.append(file, Baseline.read(stored("baseline-schema2.json")));
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals(lines.get(0), lines.get(2), "the same run, appended now, gives the same line");
    }

    @Test
    void anIntervalLogReads() throws Exception {
        Path file = stored("fleet.hlog");
        assertEquals(6, RecordingLog.read(file).size());
        Baseline b = RecordingLog.readBaseline(file);
        assertEquals("Test CPU 3000", b.machine().cpu());
        assertEquals(List.of("tokenize, fast", "embed"), List.copyOf(b.stages().keySet()));
    }
}
