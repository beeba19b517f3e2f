package dev.budget4j.rag;

import dev.budget4j.Outcome;
import dev.budget4j.Verdict;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.GateStatus;
import dev.budget4j.profile.StageBaseline;
import dev.budget4j.profile.StageComparison;
import java.util.ArrayList;
import java.util.List;

/**
 * A gate report for a run without a baseline: every stage is checked against its own budget only
 * (MET → PASS, VIOLATED → REGRESSION, too little data → INCONCLUSIVE), so budget-profile's
 * writers render the same HTML, Markdown and JSON with or without {@code --baseline}.
 */
final class BudgetOnlyReport {
    static final String NOTE = "no baseline given (--baseline FILE): checked against its budget only";

    private BudgetOnlyReport() {
    }

    static GateReport of(Baseline current, RunResult run) {
        List<StageComparison> stages = new ArrayList<>();
        for (StageRow row : run.rows()) {
            StageBaseline s = current.stage(row.stage()).orElseThrow(
                    () -> new IllegalArgumentException("current must hold stage " + row.stage() + ", but does not"));
            Verdict v = row.report().verdict();
            stages.add(new StageComparison(row.stage(), null, s, List.of(), v, status(v.outcome()), NOTE));
        }
        Baseline none = Baseline.builder().createdAt(current.createdAt()).gitCommit(null).machine(current.machine())
                .build();
        return new GateReport(none, current, stages, List.of(), 0.95);
    }

    static GateStatus status(Outcome o) {
        return switch (o) {
            case MET -> GateStatus.PASS;
            case VIOLATED -> GateStatus.REGRESSION;
            default -> GateStatus.INCONCLUSIVE;
        };
    }
}
