package dev.budget4j.spark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Recording;
import dev.budget4j.spark.LocalSpark;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Random;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The accumulator along Spark's wire: driver to executor (a zero copy), executor to driver (the
 * task's recordings, encoded), merged on the driver. Exact: calls, failures and histograms add.
 */
@ExtendWith(LocalSpark.class)
class RecordingAccumulatorTest {
    private static final Budget BUDGET = Budget.parse("p99<=2ms");

    private static Recording task(String stage, int calls, long seed) {
        Random random = new Random(seed);
        Histogram h = new Histogram(Recording.PRECISION);
        for (int i = 0; i < calls; i++) {
            h.recordValue(20_000 + random.nextInt(200_000));
        }
        return Recording.of(stage, BUDGET, h, calls / 10, OptionalLong.of(64L * calls), 1_000_000L * seed,
                1_000_000L * seed + 5_000_000, OptionalLong.empty(), OptionalLong.empty());
    }

    private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        return new ObjectInputStream(new ByteArrayInputStream(serialize(o))).readObject();
    }

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @Test
    void tasksRecordingsTravelEncodedAndMergeExactlyOnTheDriver() throws Exception {
        RecordingAccumulator driver = new RecordingAccumulator();
        LocalSpark.session().sparkContext().register(driver, "wire test");
        Histogram expected = new Histogram(Recording.PRECISION);
        long calls = 0;
        for (int t = 0; t < 20; t++) {
            RecordingAccumulator onExecutor = (RecordingAccumulator) roundTrip(driver);
            assertTrue(onExecutor.isZero(), "the driver sends a zero copy");
            Recording r = task("parse", 500 + t, t);
            onExecutor.add(r);
            onExecutor.add(task("score", 10, t));
            expected.add(r.histogram());
            calls += r.calls();
            driver.merge((RecordingAccumulator) roundTrip(onExecutor));
        }
        StageTally parse = driver.tallies().get("parse");
        assertEquals(calls, parse.merged().calls());
        assertEquals(expected, parse.merged().histogram());
        assertEquals(20, parse.roundCount());
        assertEquals(List.of("parse", "score"), List.copyOf(driver.value().keySet()));
        assertEquals(200, driver.value().get("score").calls());
    }

    @Test
    void copyResetAndZero() {
        RecordingAccumulator a = new RecordingAccumulator();
        assertTrue(a.isZero());
        a.add(task("x", 3, 1));
        RecordingAccumulator copy = a.copy();
        a.reset();
        assertTrue(a.isZero());
        assertEquals(3, copy.value().get("x").calls());
        assertTrue(a.copyAndReset().isZero());
    }

    @Test
    void mergingAnotherKindOfAccumulatorIsRefused() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> new RecordingAccumulator().merge((org.apache.spark.util.AccumulatorV2) new LongAccumulator()));
        assertTrue(e.getMessage().startsWith("other must be a RecordingAccumulator to merge, but was a "), e.getMessage());
    }

    @Test
    void aTallyReadsBackWhatItWrote() throws Exception {
        StageTally t = StageTally.ofTask("7", task("embed", 1_000, 3));
        t.merge(StageTally.ofTask("8", task("embed", 10, 4)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            t.write(out);
        }
        StageTally back = StageTally.read(new java.io.DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(t.merged(), back.merged());
        assertEquals(t.summedSpanNanos(), back.summedSpanNanos());
        assertEquals(List.of("7", "8"), List.copyOf(back.rounds().keySet()));
        assertEquals(RoundValues.DIMENSIONS.size(), back.rounds().get("7").get(0).length);
    }
}
