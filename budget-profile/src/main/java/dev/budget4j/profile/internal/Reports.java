package dev.budget4j.profile.internal;

import dev.budget4j.Check;
import dev.budget4j.Dimension;
import dev.budget4j.Verdict;
import dev.budget4j.internal.util.Tables;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.DimensionComparison;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.GateStatus;
import dev.budget4j.profile.RunReport;
import dev.budget4j.profile.StageComparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link RunReport} as a console table, Markdown, JSON or HTML: with a comparison, the
 * gate's report; without one, the run against its budgets ({@link RunReports}).
 */
public final class Reports {
    private Reports() {
    }

    /** A value in its dimension's unit, for people. */
    public static String value(Dimension d, double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        switch (d.kind()) {
            case PERCENTILE:
            case MAX:
                return Units.nanos(v);
            case THROUGHPUT:
                return Units.number(v) + "/s";
            case ALLOCATION:
            case RSS:
            case RSS_GROWTH:
                return Units.bytes(v);
            case ERROR_RATE:
                return String.format(Locale.ROOT, "%.3f%%", v * 100);
            default:
                return Units.number(v);
        }
    }

    static String interval(DimensionComparison d) {
        if (Double.isNaN(d.ciLow())) {
            return "-";
        }
        if (d.ciLow() == d.ciHigh()) {
            return "exact";
        }
        return String.format(Locale.ROOT, "[%.3f, %.3f]", d.ciLow(), d.ciHigh());
    }

    static String machine(Baseline b) {
        var m = b.machine();
        return m.cpu() + ", " + m.physicalCores() + "/" + m.logicalCores() + " cores, " + Units.bytes(m.memoryBytes())
                + ", " + m.os() + ", " + m.jvmVendor() + " " + m.jvmVersion();
    }

    static String run(Baseline b) {
        int forks = b.stages().values().stream().mapToInt(s -> s.forkCount()).max().orElse(1);
        boolean paired = !b.stages().isEmpty() && b.stages().values().stream().allMatch(s -> s.paired());
        return b.createdAt() + " commit " + b.gitCommit().map(c -> c.length() > 12 ? c.substring(0, 12) : c).orElse("unknown")
                + b.kernelBackend().map(k -> ", kernels " + k).orElse("")
                + ", " + forks + (forks == 1 ? " fork (JVM)" : paired ? " forks in interleaved pairs" : " forks (JVMs)")
                + (b.notes().isEmpty() ? "" : "; " + String.join("; ", b.notes()));
    }

    /** Plain text for a terminal. */
    public static String console(RunReport run) {
        GateReport r = run.comparison().orElse(null);
        if (r == null) {
            return RunReports.console(run);
        }
        StringBuilder out = new StringBuilder();
        out.append("budget4j gate: ").append(r.status()).append('\n');
        out.append("baseline: ").append(run(r.baseline())).append('\n');
        out.append("current:  ").append(run(r.current())).append('\n');
        if (r.machineMismatch()) {
            out.append("WARNING machines differ: ").append(String.join("; ", r.machineDifferences())).append('\n');
        }
        for (StageComparison s : r.stages()) {
            out.append('\n').append("stage '").append(s.stage()).append("': ").append(s.status());
            if (!s.note().isEmpty()) {
                out.append(" (").append(s.note()).append(')');
            }
            out.append('\n');
            if (!s.dimensions().isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"dimension", "rule", "baseline", "current", "ratio", ciHeader(r), "status", "note"});
                for (DimensionComparison d : s.dimensions()) {
                    rows.add(row(d));
                }
                out.append(Tables.render(rows, "  "));
            }
            s.verdict().ifPresent(v -> out.append("absolute budget ").append(v.budget()).append(": ").append(v.outcome()).append('\n'));
        }
        return out.toString();
    }

    private static String ciHeader(GateReport r) {
        return String.format(Locale.ROOT, "%.0f%% CI", r.confidence() * 100);
    }

    private static String[] row(DimensionComparison d) {
        Dimension dim = d.rule().dimension();
        return new String[] {dim.label(), d.rule().toString(), value(dim, d.baseline()), value(dim, d.current()),
            Units.ratio(d.ratio()), interval(d), d.status().name(), d.note()};
    }

    /** GitHub-flavoured Markdown. */
    public static String markdown(RunReport run) {
        GateReport r = run.comparison().orElse(null);
        if (r == null) {
            return RunReports.markdown(run);
        }
        StringBuilder out = new StringBuilder();
        out.append("## budget4j gate: ").append(badge(r.status())).append("\n\n");
        out.append("- baseline: ").append(md(run(r.baseline()))).append("\n");
        out.append("- current: ").append(md(run(r.current()))).append("\n");
        out.append("- machine: ").append(md(machine(r.current()))).append("\n");
        if (r.machineMismatch()) {
            out.append("\n> **Warning:** the machines differ: ").append(md(String.join("; ", r.machineDifferences())))
                    .append(". Ratios across machines mean little.\n");
        }
        for (StageComparison s : r.stages()) {
            out.append("\n### `").append(s.stage().replace("`", "'")).append("`: ").append(badge(s.status())).append("\n\n");
            if (!s.note().isEmpty()) {
                out.append(md(s.note())).append("\n\n");
            }
            if (!s.dimensions().isEmpty()) {
                out.append("| dimension | rule | baseline | current | ratio | ").append(ciHeader(r))
                        .append(" | status | note |\n|---|---|---:|---:|---:|---|---|---|\n");
                for (DimensionComparison d : s.dimensions()) {
                    String[] row = row(d);
                    out.append('|');
                    for (int i = 0; i < row.length; i++) {
                        String cell = md(row[i]);
                        out.append(' ').append(i == 6 ? badge(d.status()) : cell).append(" |");
                    }
                    out.append('\n');
                }
            }
            s.verdict().ifPresent(v -> {
                out.append("\nAbsolute budget `").append(v.budget()).append("`: **").append(v.outcome()).append("**\n");
                for (Check c : v.checks()) {
                    out.append("- ").append(c.limit()).append(": ").append(c.observedText()).append(" (")
                            .append(Double.isNaN(c.budgetUsed()) ? "-" : String.format(Locale.ROOT, "%.0f%%", c.budgetUsed() * 100))
                            .append(" of budget) ").append(c.outcome()).append('\n');
                }
            });
        }
        out.append("\n<sub>").append(String.format(Locale.ROOT, "%.0f%%", r.confidence() * 100))
                .append(" bootstrap intervals of current/baseline from per-round medians. Exit code: 0 pass, 1 regression.</sub>\n");
        return out.toString();
    }

    private static String badge(GateStatus s) {
        switch (s) {
            case PASS:
                return "✅ PASS";
            case IMPROVEMENT:
                return "🚀 IMPROVEMENT";
            case INCONCLUSIVE:
                return "⚠️ INCONCLUSIVE";
            default:
                return "❌ REGRESSION";
        }
    }

    static String md(String s) {
        return s.replace("|", "\\|").replaceAll("<(?=[A-Za-z/!?])", "&lt;");
    }

    /** The report as JSON. */
    public static String json(RunReport run) {
        GateReport r = run.comparison().orElse(null);
        if (r == null) {
            return RunReports.json(run);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("status", r.status().name());
        root.put("confidence", r.confidence());
        root.put("machineDifferences", new ArrayList<Object>(r.machineDifferences()));
        root.put("baseline", header(r.baseline()));
        root.put("current", header(r.current()));
        List<Object> stages = new ArrayList<>();
        for (StageComparison s : r.stages()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", s.stage());
            m.put("status", s.status().name());
            m.put("note", s.note());
            List<Object> dims = new ArrayList<>();
            for (DimensionComparison d : s.dimensions()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("dimension", d.rule().dimension().label());
                x.put("rule", d.rule().toString());
                x.put("baseline", d.baseline());
                x.put("current", d.current());
                x.put("ratio", d.ratio());
                x.put("ciLow", d.ciLow());
                x.put("ciHigh", d.ciHigh());
                x.put("budgetUsed", d.budgetUsed());
                x.put("status", d.status().name());
                x.put("note", d.note());
                dims.add(x);
            }
            m.put("dimensions", dims);
            s.verdict().ifPresent(v -> m.put("budgetVerdict", verdict(v)));
            stages.add(m);
        }
        root.put("stages", stages);
        return JsonWriter.write(root);
    }

    /** {@return a verdict as JSON values: budget, outcome, and each check with its note} */
    static Map<String, Object> verdict(Verdict v) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("budget", v.budget().toString());
        x.put("outcome", v.outcome().name());
        List<Object> checks = new ArrayList<>();
        for (Check c : v.checks()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("limit", c.limit().toString());
            cm.put("observed", c.observed());
            cm.put("budgetUsed", c.budgetUsed());
            cm.put("outcome", c.outcome().name());
            cm.put("note", c.note());
            checks.add(cm);
        }
        x.put("checks", checks);
        return x;
    }

    static Map<String, Object> header(Baseline b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("createdAt", b.createdAt().toString());
        m.put("gitCommit", b.gitCommit().orElse(null));
        m.put("kernelBackend", b.kernelBackend().orElse(null));
        m.put("machine", BaselineJson.machine(b.machine()));
        return m;
    }

    /** One self-contained XHTML page. */
    public static String html(RunReport run) {
        return HtmlReport.render(run);
    }
}
