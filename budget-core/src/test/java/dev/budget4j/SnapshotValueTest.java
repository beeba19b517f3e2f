package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link StageSnapshot#value(Dimension)} is the one place a dimension's value is read: for every
 * kind it agrees with the snapshot's own accessors, a budget's check observes exactly that value,
 * and a snapshot that did not measure a kind gives NaN (and an inconclusive check), never 0. The
 * test runs over {@link Dimension.Kind#values()}, so a kind added later is covered without an edit.
 */
class SnapshotValueTest {

    static Dimension of(Dimension.Kind kind) {
        return kind == Dimension.Kind.PERCENTILE ? Dimension.percentile(99) : new Dimension(kind, Double.NaN);
    }

    /** 1,000 calls of 1 to 1,000 µs, 10 failed, 2 s, 64 KB allocated, RSS 300 MB peak and 20 MB growth, 3 of 4 memo hits. */
    static StageSnapshot measured() {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 1_000; i++) {
            h.recordValue(i * 1_000L);
        }
        return StageSnapshot.builder("s", h).failures(10).elapsedNanos(2_000_000_000L).allocatedBytes(64_000)
                .rss(300_000_000L, 20_000_000L).cacheStats(new CacheStats(3, 1, 0, 1, 8)).build();
    }

    static double expected(Dimension d, StageSnapshot s) {
        return switch (d.kind()) {
            case PERCENTILE -> s.percentileNanos(d.percentile());
            case MAX -> s.maxNanos();
            case THROUGHPUT -> 500.0;
            case ERROR_RATE -> 0.01;
            case ALLOCATION -> 64.0;
            case RSS -> 300_000_000.0;
            case RSS_GROWTH -> 20_000_000.0;
            case CACHE_HIT_RATE -> 0.75;
        };
    }

    /** A limit every measured value meets: the check must then be MET with the value observed. */
    static Limit generous(Dimension d) {
        return switch (d.kind()) {
            case ERROR_RATE -> new Limit(d, 1);
            case THROUGHPUT -> new Limit(d, 1e-9);
            case CACHE_HIT_RATE -> new Limit(d, 0);
            default -> new Limit(d, 1e15);
        };
    }

    @ParameterizedTest
    @EnumSource(Dimension.Kind.class)
    void everyKindReadsItsMeasuredValueAndTheBudgetObservesThatValue(Dimension.Kind kind) {
        StageSnapshot s = measured();
        Dimension d = of(kind);
        double v = s.value(d);
        assertEquals(expected(d, s), v, Math.abs(expected(d, s)) * 1e-12, d.label());
        Check c = Budget.builder().limit(generous(d)).build().evaluate(s).checks().get(0);
        assertEquals(Outcome.MET, c.outcome(), d.label());
        assertEquals(v, c.observed(), 0.0, d.label());
    }

    @ParameterizedTest
    @EnumSource(Dimension.Kind.class)
    void aKindNotMeasuredIsNaNAndItsCheckInconclusive(Dimension.Kind kind) {
        StageSnapshot none = StageSnapshot.builder("s", new Histogram(3)).build();
        Dimension d = of(kind);
        assertTrue(Double.isNaN(none.value(d)), d.label() + " of an empty snapshot: " + none.value(d));
        Check c = Budget.builder().limit(generous(d)).build().evaluate(none).checks().get(0);
        assertEquals(Outcome.INCONCLUSIVE, c.outcome(), d.label());
        assertTrue(!c.note().isEmpty(), d.label());
    }

    @ParameterizedTest
    @EnumSource(Dimension.Kind.class)
    void withCallsButNoProbeNoAllocationAndNoMemoOnlyCallFiguresAreMeasured(Dimension.Kind kind) {
        Histogram h = new Histogram(3);
        h.recordValue(5_000);
        StageSnapshot calls = StageSnapshot.builder("s", h).elapsedNanos(1_000_000).build();
        Dimension d = of(kind);
        boolean measured = !Arrays.asList(Dimension.Kind.ALLOCATION, Dimension.Kind.RSS, Dimension.Kind.RSS_GROWTH,
                Dimension.Kind.CACHE_HIT_RATE).contains(kind);
        assertEquals(measured, !Double.isNaN(calls.value(d)), d.label() + ": " + calls.value(d));
        assertEquals(OptionalLong.empty(), calls.allocatedBytes());
    }
}
