package dev.budget4j.profile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each reader charges the histograms it keeps to one allowance per file, and stops when it is spent. */
class HistogramAllowanceTest {
    private static String resource(String name) throws Exception {
        try (InputStream in = HistogramAllowanceTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertSpent(String where, IllegalArgumentException e) {
        assertTrue(e.getMessage().startsWith(where + ": the file's histograms need more than"), e.getMessage());
        assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
    }

    @Test
    void aBaselineStopsAtTheStageThatSpendsIt() throws Exception {
        Object parsed = JsonReader.parse(resource("files/baseline-schema2.json"));
        assertEquals(3, BaselineJson.fromMap(parsed, HistogramAllowance.forOneFile()).stages().size());
        Map<?, ?> stages = (Map<?, ?>) ((Map<?, ?>) parsed).get("stages");
        long first = HistogramCodec.decode((String) ((Map<?, ?>) stages.get("sort")).get("histogram")).getEstimatedFootprintInBytes();
        long second = HistogramCodec.decode((String) ((Map<?, ?>) stages.get("tokenize, fast")).get("histogram"))
                .getEstimatedFootprintInBytes();
        assertSpent("stage 'paired'", assertThrows(IllegalArgumentException.class,
                () -> BaselineJson.fromMap(parsed, new HistogramAllowance(first + second))));
        assertSpent("stage 'sort'", assertThrows(IllegalArgumentException.class,
                () -> BaselineJson.fromMap(parsed, new HistogramAllowance(first - 1))));
    }

    @Test
    void anIntervalLogStopsAtTheLineThatSpendsIt() throws Exception {
        List<String> lines = resource("files/fleet.hlog").lines().toList();
        assertEquals(6, HlogCodec.read(lines, HistogramAllowance.forOneFile()).size());
        int firstInterval = 0;
        while (!lines.get(firstInterval).startsWith("Tag=")) {
            firstInterval++;
        }
        int line = firstInterval + 1;
        assertSpent("line " + line, assertThrows(IllegalArgumentException.class, () -> HlogCodec.read(lines, new HistogramAllowance(1))));
    }

    @Test
    void aJmhEntryIsChargedWithItsSamples() throws Exception {
        Map<String, Object> entry = BaselineJson.object(((List<?>) JsonReader.parse(resource("jmh/sample.json"))).get(0), "entry");
        JmhEntry.of(entry, HistogramAllowance.forOneFile());
        assertSpent("the samples", assertThrows(IllegalArgumentException.class, () -> JmhEntry.of(entry, new HistogramAllowance(1))));
    }

    /**
     * A compressed histogram of 4 significant digits over every {@code long} is a few dozen bytes
     * of base64 and about 5 MB decoded: 300 stages of them, under 60 KB of file, would take 1.5 GB.
     * Reading stops at the stage that spends the allowance (here 32 MiB; a quarter of the heap in
     * use), so such a file is refused with a message instead of an OutOfMemoryError.
     */
    @Test
    void aSmallFileOfHistogramsThatDecodeLargeIsRefusedEarly() {
        org.HdrHistogram.Histogram wide = new org.HdrHistogram.Histogram(1, Long.MAX_VALUE / 2, 4);
        wide.recordValue(1);
        String base64 = HistogramCodec.encode(wide);
        long footprint = HistogramCodec.decode(base64).getEstimatedFootprintInBytes();
        assertTrue(base64.length() < 100 && footprint > 4_000_000, base64.length() + " chars, " + footprint + " bytes");
        StringBuilder json = new StringBuilder("{\"format\": \"budget4j-baseline\", \"schemaVersion\": 1, \"createdAt\":"
                + " \"2025-01-02T03:04:05Z\", \"machine\": {\"cpu\": \"c\", \"physicalCores\": 1, \"logicalCores\": 1,"
                + " \"memoryBytes\": 1, \"os\": \"o\", \"jvmVendor\": \"v\", \"jvmVersion\": \"1\"}, \"stages\": {");
        for (int i = 0; i < 300; i++) {
            json.append(i == 0 ? "" : ", ").append("\"s").append(i).append("\": {\"calls\": 1, \"failures\": 0,"
                    + " \"elapsedNanos\": 1, \"allocatedBytes\": -1, \"peakRssBytes\": -1, \"rssGrowthBytes\": -1, \"histogram\": \"")
                    .append(base64).append("\"}");
        }
        assertTrue(json.length() < 60_000, json.length() + " characters");
        Object parsed = JsonReader.parse(json.append("}}").toString());
        long allowance = 32L << 20;
        int fits = (int) (allowance / footprint);
        assertSpent("stage 's" + fits + "'", assertThrows(IllegalArgumentException.class,
                () -> BaselineJson.fromMap(parsed, new HistogramAllowance(allowance))));
    }

    @Test
    void theAllowanceIsAQuarterOfTheHeapAndAtLeast64MiB() {
        long expected = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);
        org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(3);
        long footprint = h.getEstimatedFootprintInBytes();
        HistogramAllowance a = HistogramAllowance.forOneFile();
        long fits = expected / footprint;
        for (long i = 0; i < fits; i++) {
            a.charge(h, "h");
        }
        assertThrows(IllegalArgumentException.class, () -> a.charge(h, "h"));
    }
}
