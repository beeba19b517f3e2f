package dev.budget4j.profile;

import java.time.Duration;
import java.util.Locale;

/**
 * The outcome of a {@link SequentialGate}: the comparison it stopped at, both runs as measured
 * (every fork kept), and why and when it stopped.
 *
 * @param report the last comparison
 * @param baseline the baseline side (the stored baseline, or the baseline build's forks)
 * @param current the candidate's forks
 * @param runs pairs (interleaved) or candidate forks (against a stored baseline) measured
 * @param elapsed wall time of the whole gate, JVM launches included
 * @param stopReason why it stopped: decided, the time cap, or the run cap
 * @param settings the settings, for the report: mode, caps, seed
 */
public record GateRun(GateReport report, Baseline baseline, Baseline current, int runs, Duration elapsed,
        String stopReason, String settings) {

    /** {@return the report's status} */
    public GateStatus status() {
        return report.status();
    }

    /** {@return one line for a report: what ran, for how long, and why it stopped} */
    public String summary() {
        return String.format(Locale.ROOT, "%s; %d %s in %.1f s; stopped: %s", settings, runs,
                settings.startsWith("interleaved") ? "pairs" : "candidate forks", elapsed.toMillis() / 1e3, stopReason);
    }
}
