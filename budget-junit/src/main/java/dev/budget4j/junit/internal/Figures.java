package dev.budget4j.junit.internal;

import dev.budget4j.Check;
import dev.budget4j.StageSnapshot;
import dev.budget4j.Verdict;
import dev.budget4j.profile.DimensionComparison;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.HarnessResult;
import dev.budget4j.profile.StageComparison;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The report entries of one measured stage: numbers in fixed units for tools
 * ({@code budget4j.p99.ns}), and one line per budget check and gate rule for people.
 */
public final class Figures {
    private Figures() {
    }

    /**
     * @param settings the test's settings
     * @param result the run
     * @param verdict the budget's verdict, or null
     * @param gate the comparison with the baseline, or null
     * @param recorded the baseline file written instead of comparing, or null
     * @return the entries, in a stable order, no value blank
     */
    public static Map<String, String> of(Settings settings, HarnessResult result, Verdict verdict, GateReport gate,
            String recorded) {
        StageSnapshot s = result.snapshot();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("budget4j.stage", result.stage());
        m.put("budget4j.outcome", verdict == null ? "NONE" : verdict.outcome().name());
        if (verdict != null) {
            m.put("budget4j.budget", verdict.budget().toString());
        }
        m.put("budget4j.calls", Long.toString(s.calls()));
        m.put("budget4j.warmup", Integer.toString(settings.warmup()));
        m.put("budget4j.rounds", Integer.toString(result.rounds().size()));
        m.put("budget4j.p50.ns", Long.toString(s.percentileNanos(50)));
        m.put("budget4j.p90.ns", Long.toString(s.percentileNanos(90)));
        m.put("budget4j.p99.ns", Long.toString(s.percentileNanos(99)));
        m.put("budget4j.max.ns", Long.toString(s.maxNanos()));
        m.put("budget4j.throughput.per.s", number(s.throughputPerSecond()));
        if (s.allocatedBytes().isPresent()) {
            m.put("budget4j.alloc.bytes.per.call", number(s.allocatedBytesPerCall()));
        }
        m.put("budget4j.failures", Long.toString(s.failures()));
        s.peakRssBytes().ifPresent(rss -> m.put("budget4j.rss.bytes", Long.toString(rss)));
        if (verdict != null) {
            for (Check c : verdict.checks()) {
                m.put("budget4j.check." + c.dimension().label(), c.observedText() + " against " + c.limit() + ": "
                        + c.outcome() + (c.note().isEmpty() ? "" : " (" + c.note() + ")"));
            }
        }
        if (gate != null) {
            m.put("budget4j.gate", gate.status().name());
            for (StageComparison sc : gate.stages()) {
                for (DimensionComparison d : sc.dimensions()) {
                    m.put("budget4j.gate." + d.rule().dimension().label(), String.format(Locale.ROOT,
                            "ratio %s in [%s; %s] against %s: %s", ratio(d.ratio()), ratio(d.ciLow()), ratio(d.ciHigh()),
                            d.rule(), d.status()));
                }
            }
            if (gate.machineMismatch()) {
                m.put("budget4j.gate.machines", "differ: " + String.join("; ", gate.machineDifferences()));
            }
        }
        if (recorded != null) {
            m.put("budget4j.baseline.recorded", recorded);
        }
        return m;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.3f", r);
    }
}
