package dev.budget4j.rag;

import dev.budget4j.StageReport;

/**
 * One line of the per-stage table: a stage's report and the process's peak RSS when it finished.
 *
 * @param group the part of the run the stage belongs to: ingest, refresh, compare or query
 * @param report the stage's figures and verdict
 * @param peakRssBytes peak process RSS after the stage's phase, in bytes; -1 when unknown
 */
public record StageRow(String group, StageReport report, long peakRssBytes) {
}
