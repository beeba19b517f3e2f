package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Bad encodings and mismatched recordings give clear exceptions, never a silent mix. */
class RecordingTest {
    private static final OptionalLong NONE = OptionalLong.empty();

    static Recording sample(String stage, Budget budget) {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 1_000; i++) {
            h.recordValue(i * 1_000L);
        }
        return Recording.of(stage, budget, h, 3, OptionalLong.of(64_000), 1_000, 2_000_000_000L, NONE, NONE);
    }

    @Test
    void everyTruncationIsNamedAsSuch() {
        byte[] full = sample("tokenize", Budget.parse("p99<=5ms")).encode();
        for (int len = 0; len < full.length; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> Recording.decode(cut), "length " + len);
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("corrupt")
                    || e.getMessage().contains("must start with"), len + ": " + e.getMessage());
        }
        assertEquals(sample("tokenize", Budget.parse("p99<=5ms")), Recording.decode(full));
    }

    @Test
    void corruptHeadersSayWhatAndWhere() {
        byte[] good = sample("tokenize", null).encode();
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertTrue(assertThrows(RecordingFormatException.class, () -> Recording.decode(magic)).getMessage()
                .contains("must start with \"B4JR\""));
        byte[] unit = good.clone();
        unit[5] = 2;
        assertTrue(assertThrows(RecordingFormatException.class, () -> Recording.decode(unit)).getMessage()
                .contains("unit must be nanoseconds (1), but byte 5 holds 2"));
        byte[] precision = good.clone();
        precision[6] = 2;
        assertTrue(assertThrows(RecordingFormatException.class, () -> Recording.decode(precision)).getMessage()
                .contains("precision must be 3 significant digits, but byte 6 holds 2"));
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertTrue(assertThrows(RecordingFormatException.class, () -> Recording.decode(longer)).getMessage()
                .contains("must end after its histogram"));
        byte[] histogram = good.clone();
        int at = good.length - 20;
        for (int i = at; i < good.length; i++) {
            histogram[i] ^= 0x5A;
        }
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> Recording.decode(histogram));
        assertTrue(e.getMessage().contains("stage 'tokenize'"), e.getMessage());
    }

    @Test
    void aHistogramOfAnotherPrecisionIsRefused() {
        Histogram two = new Histogram(2);
        two.recordValue(1_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Recording.of("s", null, two, 0, NONE, 0, 1, NONE, NONE));
        assertEquals("latencyNanos must have 3 significant digits, but was 2", e.getMessage());
        // The same histogram smuggled into an encoding is caught on decode.
        ByteBuffer hb = ByteBuffer.allocate(two.getNeededByteBufferCapacity());
        int len = two.encodeIntoCompressedByteBuffer(hb);
        byte[] good = sample("s", null).encode();
        int headerEnd = good.length - (good.length - 4 - 3 - 4 - 1 - 4 - 48 - 4) - 4;
        ByteBuffer out = ByteBuffer.allocate(headerEnd + 4 + len);
        out.put(good, 0, headerEnd).putInt(len).put(hb.array(), 0, len);
        RecordingFormatException d = assertThrows(RecordingFormatException.class, () -> Recording.decode(out.array()));
        assertTrue(d.getMessage().contains("histogram of 2 significant digits"), d.getMessage());
    }

    @Test
    void recordingsOfDifferentStagesOrBudgetsDoNotMerge() {
        Recording a = sample("tokenize", Budget.parse("p99<=5ms"));
        IllegalArgumentException stage = assertThrows(IllegalArgumentException.class,
                () -> a.merge(sample("embed", Budget.parse("p99<=5ms"))));
        assertEquals("recordings must be of one stage to merge, but were of 'tokenize' and 'embed'", stage.getMessage());
        IllegalArgumentException budget = assertThrows(IllegalArgumentException.class,
                () -> a.merge(sample("tokenize", Budget.parse("p99<=6ms"))));
        assertTrue(budget.getMessage().contains("must share one budget") && budget.getMessage().contains("p99<=6ms"),
                budget.getMessage());
    }

    @Test
    void argumentsAreChecked() {
        Histogram h = new Histogram(3);
        h.recordValue(5);
        assertEquals("failures must be in [0, calls=1], but was 2",
                assertThrows(IllegalArgumentException.class, () -> Recording.of("s", null, h, 2, NONE, 0, 1, NONE, NONE)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Recording.of("s", null, h, 0, NONE, 5, 1, NONE, NONE))
                .getMessage().startsWith("endEpochNanos must be >= startEpochNanos (5)"));
        assertThrows(IllegalStateException.class, () -> sample("s", null).evaluate());
    }

    /** "Not measured" is an empty OptionalLong; -1 is a negative count like any other. */
    @Test
    void unmeasuredFiguresAreEmptyNotMinusOne() {
        Histogram h = new Histogram(3);
        h.recordValue(5);
        assertEquals("allocatedBytes must be >= 0, but was -1", assertThrows(IllegalArgumentException.class,
                () -> Recording.of("s", null, h, 0, OptionalLong.of(-1), 0, 1, NONE, NONE)).getMessage());
        assertEquals("peakRssBytes must be >= 0, but was -1", assertThrows(IllegalArgumentException.class,
                () -> Recording.of("s", null, h, 0, NONE, 0, 1, OptionalLong.of(-1), NONE)).getMessage());
        assertEquals("rssGrowthBytes must be >= 0, but was -1", assertThrows(IllegalArgumentException.class,
                () -> Recording.of("s", null, h, 0, NONE, 0, 1, NONE, OptionalLong.of(-1))).getMessage());
        assertThrows(NullPointerException.class, () -> Recording.of("s", null, h, 0, null, 0, 1, NONE, NONE));
        Recording r = Recording.of("s", null, h, 0, NONE, 0, 1, OptionalLong.of(0), NONE);
        assertTrue(r.allocatedBytes().isEmpty());
        assertEquals(OptionalLong.of(0), r.peakRssBytes(), "zero is a measurement");
        Recording back = Recording.decode(r.encode());
        assertTrue(back.allocatedBytes().isEmpty() && back.rssGrowthBytes().isEmpty());
        assertEquals(OptionalLong.of(0), back.peakRssBytes());
    }

    @Test
    void aBudgetedStagesRecordingJudgesLikeTheStage() {
        BudgetedStage<Integer, Integer> s = Budgets.budgetedStage(Stage.of("inc", (Integer x) -> x + 1), Budget.parse("p99<=1s"));
        for (int i = 0; i < 500; i++) {
            s.apply(i);
        }
        Recording r = Recording.of(s);
        assertEquals(500, r.calls());
        assertEquals(s.verdict().outcome(), r.evaluate().outcome());
        assertEquals(List.of("inc"), List.of(Recording.decode(r.encode()).stage()));
    }
}
