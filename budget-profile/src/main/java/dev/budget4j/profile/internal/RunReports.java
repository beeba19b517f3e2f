package dev.budget4j.profile.internal;

import dev.budget4j.Check;
import dev.budget4j.Dimension;
import dev.budget4j.Outcome;
import dev.budget4j.StageSnapshot;
import dev.budget4j.Verdict;
import dev.budget4j.internal.util.Tables;
import dev.budget4j.profile.RunReport;
import dev.budget4j.profile.StageBaseline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run without a baseline as a console table, Markdown or JSON: each stage's figures and its
 * verdict against its own budget. The headline is the budgets' outcome; there is no gate status,
 * since nothing was compared.
 */
final class RunReports {
    /** What every rendering says in place of a baseline. */
    static final String NO_BASELINE = "none given: each stage is checked against its own budget only";
    private static final Dimension P50 = Dimension.percentile(50);
    private static final Dimension P99 = Dimension.percentile(99);

    private RunReports() {
    }

    static String headline(RunReport r) {
        return r.verdicts().isEmpty() ? "no budgets" : "budgets " + r.budgetOutcome();
    }

    static String console(RunReport r) {
        StringBuilder out = new StringBuilder();
        out.append("budget4j run: ").append(headline(r)).append(" (no baseline)\n");
        out.append("baseline: ").append(NO_BASELINE).append('\n');
        out.append("run:      ").append(Reports.run(r.run())).append('\n');
        for (StageBaseline s : r.run().stages().values()) {
            Verdict v = r.verdicts().get(s.stage());
            out.append('\n').append("stage '").append(s.stage()).append("': ").append(v == null ? "no budget" : v.outcome())
                    .append(" (").append(figures(s.snapshot())).append(")\n");
            if (v != null) {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"limit", "observed", "used", "outcome", "note"});
                for (Check c : v.checks()) {
                    rows.add(new String[] {c.limit().toString(), c.observedText(), used(c), c.outcome().name(), c.note()});
                }
                out.append(Tables.render(rows, "  "));
            }
        }
        return out.toString();
    }

    static String markdown(RunReport r) {
        StringBuilder out = new StringBuilder();
        out.append("## budget4j run: ").append(r.verdicts().isEmpty() ? "no budgets" : badge(r.budgetOutcome()))
                .append(" (no baseline)\n\n");
        out.append("- baseline: ").append(NO_BASELINE).append("\n");
        out.append("- run: ").append(Reports.md(Reports.run(r.run()))).append("\n");
        out.append("- machine: ").append(Reports.md(Reports.machine(r.run()))).append("\n");
        out.append("\n| stage | calls | p50 | p99 | throughput | budget | outcome |\n|---|---:|---:|---:|---:|---|---|\n");
        for (StageBaseline s : r.run().stages().values()) {
            Verdict v = r.verdicts().get(s.stage());
            StageSnapshot f = s.snapshot();
            out.append("| `").append(s.stage().replace("`", "'")).append("` | ")
                    .append(String.format(Locale.ROOT, "%,d", f.calls())).append(" | ")
                    .append(shown(f, P50)).append(" | ").append(shown(f, P99)).append(" | ")
                    .append(shown(f, Dimension.THROUGHPUT))
                    .append(" | ").append(v == null ? "-" : "`" + v.budget() + "`").append(" | ")
                    .append(v == null ? "-" : badge(v.outcome())).append(" |\n");
        }
        for (Map.Entry<String, Verdict> e : r.verdicts().entrySet()) {
            if (e.getValue().outcome() == Outcome.MET) {
                continue;
            }
            out.append("\n### `").append(e.getKey().replace("`", "'")).append("`: ").append(badge(e.getValue().outcome()))
                    .append("\n\n");
            for (Check c : e.getValue().checks()) {
                out.append("- ").append(c.limit()).append(": ").append(c.observedText()).append(" (").append(used(c))
                        .append(" of budget) ").append(c.outcome())
                        .append(c.note().isEmpty() ? "" : ", " + Reports.md(c.note())).append('\n');
            }
        }
        out.append("\n<sub>No baseline was given, so nothing was compared.</sub>\n");
        return out.toString();
    }

    static String json(RunReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("baseline", null);
        root.put("budgets", r.verdicts().isEmpty() ? null : r.budgetOutcome().name());
        root.put("current", Reports.header(r.run()));
        List<Object> stages = new ArrayList<>();
        for (StageBaseline s : r.run().stages().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", s.stage());
            m.put("calls", s.snapshot().calls());
            Verdict v = r.verdicts().get(s.stage());
            if (v != null) {
                m.put("budgetVerdict", Reports.verdict(v));
            }
            stages.add(m);
        }
        root.put("stages", stages);
        return JsonWriter.write(root);
    }

    static String figures(StageSnapshot f) {
        return String.format(Locale.ROOT, "%,d calls, p50 %s, p99 %s, %s", f.calls(), shown(f, P50), shown(f, P99),
                shown(f, Dimension.THROUGHPUT));
    }

    private static String shown(StageSnapshot f, Dimension d) {
        return Reports.value(d, f.value(d));
    }

    static String used(Check c) {
        return Double.isNaN(c.budgetUsed()) ? "-" : String.format(Locale.ROOT, "%.0f%%", c.budgetUsed() * 100);
    }

    static String badge(Outcome o) {
        switch (o) {
            case MET:
                return "✅ MET";
            case INCONCLUSIVE:
                return "⚠️ INCONCLUSIVE";
            default:
                return "❌ VIOLATED";
        }
    }
}
