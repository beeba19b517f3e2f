package dev.budget4j.benchmarks.validity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GateOutputTest {
    private static final String REPORT = String.join("\n",
            "budget4j gate: INCONCLUSIVE",
            "baseline: 2026-01-01T00:00:00Z commit unknown",
            "current:  2026-01-01T00:00:01Z commit unknown",
            "",
            "stage 'cpu.wordcount': INCONCLUSIVE",
            "  dimension   rule               baseline  current  ratio   99% CI          status        note",
            "  p50         p50<=1.05x         112µs     122µs    1.095x  [0.916, 1.308]  INCONCLUSIVE  6 interleaved pairs, paired t",
            "  p95         p95<=1.50x         146µs     162µs    1.107x  [0.950, 1.290]  PASS          6 interleaved pairs, paired t",
            "  throughput  throughput>=0.67x  4354/s    3110/s   0.714x  [0.471, 1.083]  INCONCLUSIVE  6 interleaved pairs, paired t",
            "  alloc       alloc<=1.50x       0B        0B       1.000x  exact           PASS          deterministic: compared exactly",
            "interleaved (randomized order), 5 to 60 pairs, time cap 150 s, seed 7, 99% intervals; 21 pairs in 151.2 s; "
                    + "stopped: time cap reached, still inconclusive",
            "");

    @Test
    void readsStatusP50FlagsAndStop() {
        GateOutput o = GateOutput.parse(REPORT);
        assertEquals("INCONCLUSIVE", o.status());
        assertEquals(1.095, o.p50(), 1e-9);
        assertEquals(0.916, o.p50Low(), 1e-9);
        assertEquals(1.308, o.p50High(), 1e-9);
        assertEquals("p50:INCONCLUSIVE;throughput:INCONCLUSIVE", o.flags());
        assertEquals(21, o.runs());
        assertEquals("time cap", o.stop());
    }

    @Test
    void csvLineRoundTrips() {
        TrialResult t = new TrialResult(Instant.parse("2026-01-01T00:00:00Z"), "alloc.tokens", Mode.FORKED, Variant.AB10, 1, "REGRESSION",
                12.5, 8.25, 4, "decided", 1.1, 1.06, 1.14, "p50:REGRESSION", 0);
        assertEquals(t.toCsv(), TrialResult.parse(t.toCsv()).toCsv());
    }
}
