package dev.budget4j.profile;

import dev.budget4j.Outcome;
import dev.budget4j.Verdict;
import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.Reports;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every report renders: a run's stages, each stage's verdict against its own budget, and,
 * when the run was gated against a baseline, the comparison. A run without a baseline is reported
 * as such: its headline is the budgets' outcome, never a gate status.
 *
 * <pre>{@code
 * RunReport alone = RunReport.of(current);                                   // no baseline given
 * RunReport gated = RunReport.of(Gate.defaults().compare(saved, current));   // with a comparison
 * Files.writeString(Path.of("report.html"), gated.toHtml());
 * }</pre>
 */
public final class RunReport {
    private final Baseline run;
    private final GateReport comparison;
    private final Map<String, Verdict> verdicts;

    private RunReport(Baseline run, GateReport comparison) {
        this.run = run;
        this.comparison = comparison;
        Map<String, Verdict> v = new LinkedHashMap<>();
        run.stages().forEach((name, stage) -> stage.verdict().ifPresent(x -> v.put(name, x)));
        this.verdicts = Collections.unmodifiableMap(v);
    }

    /**
     * A run with no baseline to compare with: each stage is checked against its own budget only.
     *
     * @param run the run, not null
     * @return the report
     */
    public static RunReport of(Baseline run) {
        return new RunReport(Require.notNull(run, "run"), null);
    }

    /**
     * A run gated against a baseline: the comparison's current run, its verdicts, and the comparison.
     *
     * @param comparison the gate's report, not null
     * @return the report
     */
    public static RunReport of(GateReport comparison) {
        Require.notNull(comparison, "comparison");
        return new RunReport(comparison.current(), comparison);
    }

    /** {@return the run: its stages with their figures, rounds and budgets, machine and commit} */
    public Baseline run() {
        return run;
    }

    /** {@return the comparison with a baseline, or empty when none was given} */
    public Optional<GateReport> comparison() {
        return Optional.ofNullable(comparison);
    }

    /** {@return each stage that carries a budget, checked against it, in the run's stage order} */
    public Map<String, Verdict> verdicts() {
        return verdicts;
    }

    /**
     * The budgets' outcome over the whole run.
     *
     * @return VIOLATED if any stage's budget is violated, else INCONCLUSIVE if any lacked data, else
     *     MET (also when no stage carries a budget)
     */
    public Outcome budgetOutcome() {
        Outcome worst = Outcome.MET;
        for (Verdict v : verdicts.values()) {
            if (v.outcome() == Outcome.VIOLATED) {
                return Outcome.VIOLATED;
            }
            if (v.outcome() == Outcome.INCONCLUSIVE) {
                worst = Outcome.INCONCLUSIVE;
            }
        }
        return worst;
    }

    /**
     * {@return true when no budget is violated and, with a comparison, the comparison found no
     *     regression; INCONCLUSIVE is not a failure}
     */
    public boolean passed() {
        return budgetOutcome() != Outcome.VIOLATED && (comparison == null || comparison.passed());
    }

    /** {@return a plain-text table for a terminal} */
    public String toConsoleTable() {
        return Reports.console(this);
    }

    /** {@return GitHub-flavoured Markdown for a CI job summary or a pull-request comment} */
    public String toMarkdown() {
        return Reports.markdown(this);
    }

    /** {@return the report as JSON; {@code "baseline": null} when no baseline was given} */
    public String toJson() {
        return Reports.json(this);
    }

    /** {@return one self-contained XHTML page with inline SVG charts, no external resources} */
    public String toHtml() {
        return Reports.html(this);
    }

    @Override
    public String toString() {
        return "RunReport[" + run.stages().size() + " stages, budgets " + budgetOutcome() + ", "
                + (comparison == null ? "no baseline" : "gate " + comparison.status()) + "]";
    }
}
