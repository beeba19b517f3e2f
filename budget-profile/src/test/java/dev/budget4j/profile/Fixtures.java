package dev.budget4j.profile;

import dev.budget4j.Budget;
import dev.budget4j.StageSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Synthetic baselines with known per-round values. */
final class Fixtures {
    static final MachineFingerprint MACHINE =
            new MachineFingerprint("Test CPU 3000", 2, 2, 8L << 30, "GNU/Linux 6.1", "Test Vendor", "25+1");

    private Fixtures() {
    }

    /** A stage whose rounds have the given p50/p95/p99 (ns), throughput (/s) and allocation (B/call). */
    static StageBaseline stage(String name, double[] latency, double[] throughput, double allocPerCall, Budget budget) {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        for (double l : latency) {
            h.recordValueWithCount((long) l, 200);
        }
        Map<String, double[]> rounds = new LinkedHashMap<>();
        rounds.put("p50", latency.clone());
        rounds.put("p95", scale(latency, 1.5));
        rounds.put("p99", scale(latency, 2));
        rounds.put("throughput", throughput.clone());
        double[] alloc = new double[latency.length];
        java.util.Arrays.fill(alloc, allocPerCall);
        rounds.put("alloc", alloc);
        long calls = h.getTotalCount();
        long elapsed = (long) (calls * 1e9 / throughput[0]);
        StageSnapshot figures = StageSnapshot.builder(name, h).elapsedNanos(elapsed)
                .allocatedBytes((long) (allocPerCall * calls)).build();
        return StageBaseline.fromRounds(figures, rounds, budget);
    }

    static double[] scale(double[] v, double f) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= f;
        }
        return out;
    }

    static Baseline baseline(StageBaseline... stages) {
        return baseline(MACHINE, stages);
    }

    static Baseline baseline(MachineFingerprint machine, StageBaseline... stages) {
        Baseline.Builder b = Baseline.builder().createdAt(Instant.parse("2025-01-02T03:04:05Z")).gitCommit(
                "0123456789abcdef0123456789abcdef01234567").machine(machine);
        for (StageBaseline s : stages) {
            b.stage(s);
        }
        return b.build();
    }

    static final double[] LAT = {1000, 1010, 990, 1005, 995};
    static final double[] TP = {1e6, 1.01e6, 0.99e6, 1.005e6, 0.995e6};
}
