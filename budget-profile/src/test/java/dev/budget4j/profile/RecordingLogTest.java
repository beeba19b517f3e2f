package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import dev.budget4j.Recording;
import dev.budget4j.profile.cli.GateCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interval logs: HdrHistogram's tools read ours, we read theirs, bad logs are named by file and line. */
class RecordingLogTest {
    static final long T0 = 1_764_000_000_000_000_000L;

    @TempDir
    Path dir;

    static Recording interval(String stage, Budget budget, int i, long micros) {
        Histogram h = new Histogram(3);
        for (int k = 0; k < 200; k++) {
            h.recordValue(micros * 1_000 + k * 10L);
        }
        long start = T0 + i * 60_000_000_000L;
        return Recording.of(stage, budget, h, i % 2, OptionalLong.of(200 * 512L), start, start + 60_000_000_000L,
                OptionalLong.of(400L << 20), OptionalLong.of(10L << 20));
    }

    static List<Recording> intervals() {
        List<Recording> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(interval("tokenize, fast", Budget.parse("p99<=5ms errors<=1%"), i, 100 + i));
            out.add(interval("embed", null, i, 2_000));
        }
        return out;
    }

    @Test
    void roundTripKeepsEveryFigure() throws Exception {
        Path file = dir.resolve("a.hlog");
        RecordingLog.write(file, intervals());
        assertEquals(intervals(), RecordingLog.read(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "written atomically, no temporary file left");
        }
    }

    @Test
    void hdrHistogramsOwnReaderReadsOurLog() throws Exception {
        Path file = dir.resolve("a.hlog");
        RecordingLog.write(file, intervals());
        List<String> tags = new ArrayList<>();
        long count = 0;
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                tags.add(((Histogram) h).getTag());
                count += ((Histogram) h).getTotalCount();
            }
        }
        assertEquals(List.of("tokenize%2C%20fast", "embed", "tokenize%2C%20fast", "embed", "tokenize%2C%20fast", "embed"), tags);
        assertEquals(6 * 200, count);
    }

    @Test
    void aLogWrittenByHdrHistogramReadsByItsTags() throws Exception {
        Path file = dir.resolve("theirs.hlog");
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8)) {
            HistogramLogWriter w = new HistogramLogWriter(out);
            w.outputLogFormatVersion();
            w.outputStartTime(1_764_000_000_000L);
            w.outputLegend();
            for (int i = 0; i < 2; i++) {
                Histogram h = new Histogram(3);
                h.recordValueWithCount(1_000_000, 10);
                h.setTag("query");
                w.outputIntervalHistogram(i * 10.0, i * 10.0 + 10, h, 1e6);
            }
        }
        List<Recording> read = RecordingLog.read(file);
        assertEquals(2, read.size());
        assertEquals("query", read.get(0).stage());
        assertEquals(10, read.get(1).calls());
        assertTrue(read.get(0).budget().isEmpty());
        Baseline b = RecordingLog.readBaseline(file);
        assertEquals(2, b.stage("query").orElseThrow().perRound(Dimension.percentile(50)).length);
    }

    @Test
    void badLogsAreNamedByFileAndLine() throws Exception {
        Path file = dir.resolve("a.hlog");
        RecordingLog.write(file, intervals());
        List<String> lines = Files.readAllLines(file);
        Path bad = dir.resolve("bad.hlog");
        // truncated inside the last histogram
        String text = String.join("\n", lines);
        Files.writeString(bad, text.substring(0, text.lastIndexOf("embed,") + 30));
        BaselineFormatException e = assertThrows(BaselineFormatException.class, () -> RecordingLog.read(bad));
        assertTrue(e.getMessage().contains("bad.hlog") && e.getMessage().contains("line "), e.getMessage());
        // truncated at a line boundary: the end line is missing
        Files.write(bad, lines.subList(0, lines.size() - 1));
        e = assertThrows(BaselineFormatException.class, () -> RecordingLog.read(bad));
        assertTrue(e.getMessage().contains("without its #budget4j-end line"), e.getMessage());
        // a corrupt histogram
        List<String> corrupt = new ArrayList<>(lines);
        for (int i = 0; i < corrupt.size(); i++) {
            if (corrupt.get(i).startsWith("Tag=embed")) {
                String l = corrupt.get(i);
                corrupt.set(i, l.substring(0, l.lastIndexOf(',') + 1) + "HISTFAAAACF42pNpmSzMwMDAzAABAAAAAAAAAAAAAA==");
                int line = i + 1;
                Files.write(bad, corrupt);
                e = assertThrows(BaselineFormatException.class, () -> RecordingLog.read(bad));
                assertTrue(e.getMessage().contains("line " + line + ": the interval histogram is corrupt"), e.getMessage());
                break;
            }
        }
        // a histogram of another precision
        Path two = dir.resolve("two.hlog");
        try (PrintStream out = new PrintStream(Files.newOutputStream(two), true, StandardCharsets.UTF_8)) {
            HistogramLogWriter w = new HistogramLogWriter(out);
            Histogram h = new Histogram(2);
            h.recordValue(1000);
            w.outputIntervalHistogram(0, 1, h, 1e6);
        }
        e = assertThrows(BaselineFormatException.class, () -> RecordingLog.read(two));
        assertTrue(e.getMessage().contains("2 significant digits, but budget4j merges histograms of 3"), e.getMessage());
        // two budgets for one stage
        List<Recording> mixed = List.of(interval("s", Budget.parse("p99<=1ms"), 0, 10), interval("s", Budget.parse("p99<=2ms"), 1, 10));
        RecordingLog.write(bad, mixed);
        BaselineFormatException m = assertThrows(BaselineFormatException.class, () -> RecordingLog.readBaseline(bad));
        assertTrue(m.getMessage().contains("bad.hlog") && m.getMessage().contains("must share one budget"), m.getMessage());
    }

    @Test
    void mergeCombinesLogsOfManyJvmsIntoOneBaselineThatCompareGates() throws Exception {
        Path a = dir.resolve("instance-1.hlog");
        Path b = dir.resolve("instance-2.hlog");
        RecordingLog.write(a, intervals());
        RecordingLog.write(b, intervals());
        Path merged = dir.resolve("fleet.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GateCommand.run(new String[] {"merge", "--in", a.toString(), "--in", b.toString(), "--out", merged.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        StageBaseline s = Baseline.read(merged).stage("tokenize, fast").orElseThrow();
        assertEquals(2, s.forkCount());
        assertEquals(2 * 3 * 200, s.snapshot().calls());
        assertEquals(3, s.forks().get(0).rounds());
        code = GateCommand.run(new String[] {"compare", "--baseline", merged.toString(), "--current", a.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        code = GateCommand.run(new String[] {"merge", "--in", dir.toString(), "--out", merged.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is a directory"));
    }
}
