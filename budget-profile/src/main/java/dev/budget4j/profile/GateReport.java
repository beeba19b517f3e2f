package dev.budget4j.profile;

import java.util.List;

/**
 * The outcome of a {@link Gate} comparison: every stage, the machines' differences, and the
 * overall status. Only a gate makes one ({@link Gate#compare(Baseline, Baseline)}), so a report
 * always stands for a comparison that was made. Render it with {@link #toConsoleTable()},
 * {@link #toMarkdown()}, {@link #toJson()} or {@link #toHtml()}: the same as rendering
 * {@link RunReport#of(GateReport)}.
 */
public final class GateReport {
    private final Baseline baseline;
    private final Baseline current;
    private final List<StageComparison> stages;
    private final List<String> machineDifferences;
    private final double confidence;

    private GateReport(Baseline baseline, Baseline current, List<StageComparison> stages,
            List<String> machineDifferences, double confidence) {
        this.baseline = baseline;
        this.current = current;
        this.stages = List.copyOf(stages);
        this.machineDifferences = List.copyOf(machineDifferences);
        this.confidence = confidence;
    }

    /**
     * The report of a comparison; for {@link Gate} only.
     *
     * @param baseline the baseline run
     * @param current the current run
     * @param stages one comparison per stage of either run (baseline's order, then new stages)
     * @param machineDifferences how the machines differ; empty when they match
     * @param confidence the confidence level of the intervals, in (0, 1)
     * @return the report
     */
    static GateReport of(Baseline baseline, Baseline current, List<StageComparison> stages,
            List<String> machineDifferences, double confidence) {
        return new GateReport(baseline, current, stages, machineDifferences, confidence);
    }

    /** {@return the baseline run} */
    public Baseline baseline() {
        return baseline;
    }

    /** {@return the current run} */
    public Baseline current() {
        return current;
    }

    /** {@return one comparison per stage of either run (baseline's order, then new stages)} */
    public List<StageComparison> stages() {
        return stages;
    }

    /** {@return how the machines differ; empty when they match} */
    public List<String> machineDifferences() {
        return machineDifferences;
    }

    /** {@return the confidence level of the intervals, in (0, 1)} */
    public double confidence() {
        return confidence;
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
        return RunReport.of(this).toConsoleTable();
    }

    /** {@return GitHub-flavoured Markdown for a CI job summary or a pull-request comment} */
    public String toMarkdown() {
        return RunReport.of(this).toMarkdown();
    }

    /** {@return the report as JSON} */
    public String toJson() {
        return RunReport.of(this).toJson();
    }

    /** {@return one self-contained XHTML page with inline SVG charts, no external resources} */
    public String toHtml() {
        return RunReport.of(this).toHtml();
    }

    @Override
    public String toString() {
        return "GateReport[" + status() + ": " + stages.size() + " stages, " + (machineMismatch() ? "machines differ"
                : "same machine") + "]";
    }
}
