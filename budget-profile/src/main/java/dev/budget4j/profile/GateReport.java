package dev.budget4j.profile;

import dev.budget4j.profile.internal.Reports;
import java.util.List;

/**
 * The outcome of a {@link Gate} comparison: every stage, the machines' differences, and the
 * overall status. Render it with {@link #toConsoleTable()}, {@link #toMarkdown()},
 * {@link #toJson()} or {@link #toHtml()}.
 *
 * @param baseline the baseline run
 * @param current the current run
 * @param stages one comparison per stage of either run (baseline's order, then new stages)
 * @param machineDifferences how the machines differ; empty when they match
 * @param confidence the confidence level of the intervals, in (0, 1)
 */
public record GateReport(Baseline baseline, Baseline current, List<StageComparison> stages,
        List<String> machineDifferences, double confidence) {

    /**
     * Copies the lists.
     *
     * @param baseline see the record description
     * @param current see the record description
     * @param stages see the record description
     * @param machineDifferences see the record description
     * @param confidence see the record description
     */
    public GateReport {
        stages = List.copyOf(stages);
        machineDifferences = List.copyOf(machineDifferences);
    }

    /** {@return REGRESSION if any stage regressed, else INCONCLUSIVE if any was, else PASS} */
    public GateStatus status() {
        GateStatus worst = GateStatus.PASS;
        for (StageComparison s : stages) {
            worst = worst.worse(s.status() == GateStatus.IMPROVEMENT ? GateStatus.PASS : s.status());
        }
        return worst;
    }

    /** {@return true when no stage regressed} */
    public boolean passed() {
        return status() != GateStatus.REGRESSION;
    }

    /** {@return true when the two runs come from machines with different fingerprints} */
    public boolean machineMismatch() {
        return !machineDifferences.isEmpty();
    }

    /** {@return a plain-text table for a terminal} */
    public String toConsoleTable() {
        return Reports.console(this);
    }

    /** {@return GitHub-flavoured Markdown for a CI job summary or a pull-request comment} */
    public String toMarkdown() {
        return Reports.markdown(this);
    }

    /** {@return the report as JSON} */
    public String toJson() {
        return Reports.json(this);
    }

    /** {@return one self-contained XHTML page with inline SVG charts, no external resources} */
    public String toHtml() {
        return Reports.html(this);
    }
}
