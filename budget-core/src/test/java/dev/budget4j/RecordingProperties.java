package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.HdrHistogram.Histogram;

/** The laws of merging recordings, and that a merged recording judges like one that saw every call. */
class RecordingProperties {
    static final Budget BUDGET = Budget.parse("p50<=2ms p99<=40ms errors<=5% alloc<=2KiB throughput>=10/s");

    /** One call: latency (ns), failed or not, bytes allocated, start (ns since the epoch). */
    record Call(long latency, boolean failed, long bytes, long start) {
    }

    static Recording record(List<Call> calls) {
        Histogram h = new Histogram(Recording.PRECISION);
        h.setAutoResize(true);
        long failures = 0;
        long bytes = 0;
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (Call c : calls) {
            h.recordValue(c.latency());
            failures += c.failed() ? 1 : 0;
            bytes += c.bytes();
            start = Math.min(start, c.start());
            end = Math.max(end, c.start() + c.latency());
        }
        return Recording.of("tokenize", BUDGET, h, failures, OptionalLong.of(bytes), start, end, OptionalLong.empty(),
                OptionalLong.empty());
    }

    @Provide
    Arbitrary<Call> call() {
        return Combinators.combine(Arbitraries.longs().between(1_000, 80_000_000), Arbitraries.of(true, false, false, false, false),
                Arbitraries.longs().between(0, 4_096), Arbitraries.longs().between(1_700_000_000_000_000_000L, 1_700_000_100_000_000_000L))
                .as(Call::new);
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        return call().list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 150)
    void mergeIsCommutativeAndAssociative(@ForAll("calls") List<Call> a, @ForAll("calls") List<Call> b,
            @ForAll("calls") List<Call> c) {
        Recording ra = record(a);
        Recording rb = record(b);
        Recording rc = record(c);
        assertEquals(ra.merge(rb), rb.merge(ra));
        assertEquals(ra.merge(rb).merge(rc), ra.merge(rb.merge(rc)));
    }

    @Property(tries = 150)
    void mergingThenEvaluatingEqualsEvaluatingEveryCall(@ForAll("calls") List<Call> all,
            @ForAll("cuts") List<Integer> cuts) {
        List<List<Call>> parts = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            int to = Math.min(all.size(), from + cut);
            if (to > from) {
                parts.add(all.subList(from, to));
            }
            from = to;
        }
        if (from < all.size()) {
            parts.add(all.subList(from, all.size()));
        }
        Recording merged = null;
        for (List<Call> p : parts) {
            Recording r = Recording.decode(record(p).encode()); // as if sent from another JVM
            merged = merged == null ? r : merged.merge(r);
        }
        Recording whole = record(all);
        assertEquals(whole, merged);
        Verdict expected = whole.evaluate();
        Verdict actual = merged.evaluate();
        assertEquals(expected.outcome(), actual.outcome());
        assertEquals(expected.checks(), actual.checks());
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(1, 20).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 150)
    void encodeThenDecodeGivesAnEqualRecording(@ForAll("calls") List<Call> calls) {
        Recording r = record(calls);
        assertEquals(r, Recording.decode(r.encode()));
    }
}
