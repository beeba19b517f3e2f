package dev.budget4j.rag;

import dev.budget4j.StageReport;
import dev.budget4j.StageSnapshot;
import java.util.List;

/**
 * One line of the per-stage table: a stage's report, its calls cut into rounds, and the peak RSS
 * seen while it ran.
 *
 * @param group the part of the run the stage belongs to: ingest, compare or query
 * @param report the stage's figures and verdict
 * @param rounds the stage's calls cut into rounds ({@code intervalSnapshot}s), in order, each with at
 *     least one call; what the baseline gate compares round by round
 * @param peakRssBytes peak process RSS while the stage ran, in bytes: the stage's own when its
 *     budget bounds {@code rss}, else its phase's (sampled by the memory probe); -1 when unknown
 * @param startRssBytes process RSS when that window opened, in bytes; -1 when unknown
 */
public record StageRow(String group, StageReport report, List<StageSnapshot> rounds, long peakRssBytes,
        long startRssBytes) {

    /**
     * Copies the rounds.
     *
     * @param group see the record description
     * @param report see the record description
     * @param rounds see the record description
     * @param peakRssBytes see the record description
     * @param startRssBytes see the record description
     */
    public StageRow {
        Args.notNull(report, "report");
        rounds = List.copyOf(rounds);
        Args.that(!rounds.isEmpty(), "rounds", "must hold at least one round of " + report.name(), rounds.size());
    }

    /** @return the stage name */
    public String stage() {
        return report.name();
    }
}
