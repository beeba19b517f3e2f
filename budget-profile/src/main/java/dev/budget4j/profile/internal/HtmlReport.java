package dev.budget4j.profile.internal;

import dev.budget4j.Check;
import dev.budget4j.Outcome;
import dev.budget4j.Verdict;
import dev.budget4j.profile.DimensionComparison;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.GateStatus;
import dev.budget4j.profile.RunReport;
import dev.budget4j.profile.StageBaseline;
import dev.budget4j.profile.StageComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * A run report as one XHTML page; with a comparison, the gate report (it parses as XML) with inline SVG: per stage, the latency
 * percentile distribution of baseline and current on a log "nines" axis, and each dimension's use
 * of its allowance. No scripts, fonts or external resources.
 */
final class HtmlReport {
    private static final String BASE_COLOR = "#5b6b7f";
    private static final String CURRENT_COLOR = "#d9480f";

    private HtmlReport() {
    }

    static String render(RunReport run) {
        GateReport r = run.comparison().orElse(null);
        if (r == null) {
            return renderRun(run);
        }
        StringBuilder o = new StringBuilder(16_384);
        head(o, "budget4j gate: " + r.status());
        o.append("<h1>budget4j gate: <span class=\"").append(r.status()).append("\">").append(r.status()).append("</span></h1>\n");
        o.append("<p class=\"meta\">baseline: ").append(esc(Reports.run(r.baseline()))).append("</p>\n");
        o.append("<p class=\"meta\">current: ").append(esc(Reports.run(r.current()))).append("</p>\n");
        o.append("<p class=\"meta\">machine: ").append(esc(Reports.machine(r.current()))).append("</p>\n");
        if (r.machineMismatch()) {
            o.append("<p class=\"warn\">The machines differ: ").append(esc(String.join("; ", r.machineDifferences())))
                    .append(". Ratios across machines mean little.</p>\n");
        }
        for (StageComparison s : r.stages()) {
            stage(o, s, r);
        }
        o.append("<p class=\"meta\">").append(String.format(Locale.ROOT, "%.0f%%", r.confidence() * 100))
                .append(" percentile-bootstrap intervals of current / baseline from per-round medians.</p>\n");
        o.append("</body>\n</html>\n");
        return o.toString();
    }

    private static void head(StringBuilder o, String title) {
        o.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n");
        o.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"UTF-8\"/>\n");
        o.append("<title>").append(esc(title)).append("</title>\n<style>\n");
        o.append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#1d2733;max-width:1100px}\n")
                .append("h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 8px;border-top:1px solid #d5dbe3;padding-top:16px}\n")
                .append("table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #d5dbe3;padding:3px 8px;text-align:left}\n")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f1f4f8}\n")
                .append(".PASS,.MET{color:#2b8a3e;font-weight:600}.IMPROVEMENT{color:#1971c2;font-weight:600}")
                .append(".INCONCLUSIVE{color:#e67700;font-weight:600}.REGRESSION,.VIOLATED{color:#c92a2a;font-weight:600}\n")
                .append(".meta{font-size:13px;color:#4a5768;margin:2px 0}.warn{background:#fff4e6;border:1px solid #ffc078;padding:6px 10px}\n")
                .append(".charts{display:flex;flex-wrap:wrap;gap:16px}svg{background:#fbfcfd;border:1px solid #e3e8ee}\n");
        o.append("</style>\n</head>\n<body>\n");
    }

    /** A run without a baseline: each stage's latency curve and its use of its own budget. */
    private static String renderRun(RunReport run) {
        StringBuilder o = new StringBuilder(16_384);
        String outcome = RunReports.headline(run);
        head(o, "budget4j run: " + outcome + " (no baseline)");
        o.append("<h1>budget4j run: <span class=\"").append(run.verdicts().isEmpty() ? "meta" : run.budgetOutcome().name())
                .append("\">").append(esc(outcome)).append("</span> (no baseline)</h1>\n");
        o.append("<p class=\"meta\">baseline: ").append(esc(RunReports.NO_BASELINE)).append("</p>\n");
        o.append("<p class=\"meta\">run: ").append(esc(Reports.run(run.run()))).append("</p>\n");
        o.append("<p class=\"meta\">machine: ").append(esc(Reports.machine(run.run()))).append("</p>\n");
        for (StageBaseline s : run.run().stages().values()) {
            Verdict v = run.verdicts().get(s.stage());
            String status = v == null ? "no budget" : v.outcome().name();
            o.append("<h2>").append(esc(s.stage())).append(": <span class=\"").append(v == null ? "meta" : status)
                    .append("\">").append(status).append("</span></h2>\n");
            o.append("<p class=\"meta\">").append(esc(RunReports.figures(s.snapshot()))).append("</p>\n");
            if (v != null) {
                o.append("<table>\n<tr><th>limit</th><th>observed</th><th>used</th><th>outcome</th><th>note</th></tr>\n");
                for (Check c : v.checks()) {
                    o.append("<tr><td>").append(esc(c.limit().toString())).append("</td><td class=\"num\">")
                            .append(esc(c.observedText())).append("</td><td class=\"num\">").append(RunReports.used(c))
                            .append("</td><td class=\"").append(c.outcome()).append("\">").append(c.outcome())
                            .append("</td><td>").append(esc(c.note())).append("</td></tr>\n");
                }
                o.append("</table>\n");
            }
            o.append("<div class=\"charts\">\n");
            nines(o, null, s);
            budgetUse(o, List.of(), Optional.ofNullable(v));
            o.append("</div>\n");
        }
        o.append("<p class=\"meta\">No baseline was given, so nothing was compared.</p>\n");
        o.append("</body>\n</html>\n");
        return o.toString();
    }

    private static void stage(StringBuilder o, StageComparison s, GateReport r) {
        o.append("<h2>").append(esc(s.stage())).append(": <span class=\"").append(s.status()).append("\">")
                .append(s.status()).append("</span></h2>\n");
        if (!s.note().isEmpty()) {
            o.append("<p class=\"meta\">").append(esc(s.note())).append("</p>\n");
        }
        if (!s.dimensions().isEmpty()) {
            o.append("<table>\n<tr><th>dimension</th><th>rule</th><th>baseline</th><th>current</th><th>ratio</th><th>")
                    .append(String.format(Locale.ROOT, "%.0f%% CI", r.confidence() * 100))
                    .append("</th><th>status</th><th>note</th></tr>\n");
            for (DimensionComparison d : s.dimensions()) {
                var dim = d.rule().dimension();
                o.append("<tr><td>").append(esc(dim.label())).append("</td><td>").append(esc(d.rule().toString()))
                        .append("</td><td class=\"num\">").append(esc(Reports.value(dim, d.baseline())))
                        .append("</td><td class=\"num\">").append(esc(Reports.value(dim, d.current())))
                        .append("</td><td class=\"num\">").append(esc(Units.ratio(d.ratio())))
                        .append("</td><td>").append(esc(Reports.interval(d)))
                        .append("</td><td class=\"").append(d.status()).append("\">").append(d.status())
                        .append("</td><td>").append(esc(d.note())).append("</td></tr>\n");
            }
            o.append("</table>\n");
        }
        o.append("<div class=\"charts\">\n");
        if (s.baseline() != null || s.current() != null) {
            nines(o, s.baseline(), s.current());
        }
        budgetUse(o, s.dimensions(), s.verdict());
        o.append("</div>\n");
    }

    /** Latency by percentile, x = -log10(1 - p): 0 → 0%, 1 → 90%, 2 → 99%, 3 → 99.9%. */
    private static void nines(StringBuilder o, StageBaseline base, StageBaseline cur) {
        int w = 520;
        int h = 300;
        int left = 70;
        int right = 20;
        int top = 30;
        int bottom = 45;
        long calls = Math.max(base == null ? 0 : base.snapshot().calls(), cur == null ? 0 : cur.snapshot().calls());
        double maxX = Math.max(1, Math.min(5, Math.log10(Math.max(10, calls))));
        List<double[]> bl = curve(base, maxX);
        List<double[]> cl = curve(cur, maxX);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (List<double[]> l : List.of(bl, cl)) {
            for (double[] p : l) {
                lo = Math.min(lo, p[1]);
                hi = Math.max(hi, p[1]);
            }
        }
        o.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\">\n");
        o.append("<title>latency by percentile, baseline and current</title>\n");
        text(o, left, 18, "latency by percentile (log scales)", "start", 13, "#1d2733");
        if (bl.isEmpty() && cl.isEmpty()) {
            text(o, w / 2.0, h / 2.0, "no latencies recorded", "middle", 12, "#4a5768");
            o.append("</svg>\n");
            return;
        }
        double logLo = Math.log10(Math.max(1, lo));
        double logHi = Math.log10(Math.max(hi, lo * 1.01 + 1));
        if (logHi - logLo < 0.3) {
            double mid = (logHi + logLo) / 2;
            logLo = mid - 0.15;
            logHi = mid + 0.15;
        }
        double plotW = w - left - right;
        double plotH = h - top - bottom;
        final double yLo = logLo;
        final double yHi = logHi;
        java.util.function.DoubleUnaryOperator sx = x -> left + x / maxX * plotW;
        java.util.function.DoubleUnaryOperator sy = v -> top + plotH - (Math.log10(Math.max(1, v)) - yLo) / (yHi - yLo) * plotH;
        // grid and axes
        String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int i = 0; i <= (int) Math.floor(maxX + 1e-9); i++) {
            double x = sx.applyAsDouble(i);
            line(o, x, top, x, top + plotH, "#e3e8ee");
            text(o, x, top + plotH + 16, labels[i], "middle", 11, "#4a5768");
        }
        double x50 = sx.applyAsDouble(Math.log10(2));
        line(o, x50, top, x50, top + plotH, "#eef1f5");
        text(o, x50, top + plotH + 16, "50%", "middle", 11, "#4a5768");
        for (double decade = Math.pow(10, Math.floor(yLo)); decade <= Math.pow(10, Math.ceil(yHi)); decade *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                double v = decade * m;
                double lv = Math.log10(v);
                if (lv < yLo - 1e-9 || lv > yHi + 1e-9) {
                    continue;
                }
                double y = sy.applyAsDouble(v);
                line(o, left, y, left + plotW, y, "#e3e8ee");
                text(o, left - 6, y + 4, Units.nanos(v), "end", 11, "#4a5768");
            }
        }
        line(o, left, top + plotH, left + plotW, top + plotH, "#8593a3");
        line(o, left, top, left, top + plotH, "#8593a3");
        text(o, left + plotW / 2, h - 8, "percentile", "middle", 11, "#4a5768");
        polyline(o, bl, sx, sy, BASE_COLOR, "6 4");
        polyline(o, cl, sx, sy, CURRENT_COLOR, null);
        // legend, top left: latency curves rise to the right, so that corner stays clear
        double lx = left + 12;
        if (base != null) {
            line(o, lx, top + 8, lx + 24, top + 8, BASE_COLOR, "6 4", 2.5);
            text(o, lx + 30, top + 12, "baseline", "start", 11, "#1d2733");
            lx += 85;
        }
        line(o, lx, top + 8, lx + 24, top + 8, CURRENT_COLOR, null, 2.5);
        text(o, lx + 30, top + 12, "current", "start", 11, "#1d2733");
        o.append("</svg>\n");
    }

    private static List<double[]> curve(StageBaseline s, double maxX) {
        List<double[]> out = new ArrayList<>();
        if (s == null || s.snapshot().calls() == 0) {
            return out;
        }
        Histogram h = s.snapshot().histogram();
        int steps = 120;
        for (int i = 0; i <= steps; i++) {
            double x = maxX * i / steps;
            double p = 100 * (1 - Math.pow(10, -x));
            double v = h.getValueAtPercentile(Math.min(100, Math.max(p, 0.0001)));
            out.add(new double[] {x, Math.max(1, v)});
        }
        return out;
    }

    /** Bars: how much of each rule's allowance (and each absolute budget limit) the current run uses. */
    private static void budgetUse(StringBuilder o, List<DimensionComparison> dimensions, Optional<Verdict> verdict) {
        List<String> names = new ArrayList<>();
        List<double[]> bars = new ArrayList<>(); // used, ciLow, ciHigh
        List<String> colors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (DimensionComparison d : dimensions) {
            names.add(d.rule().toString());
            double allowed = d.rule().ratio();
            double lo = d.rule().upperBound() ? d.ciLow() / allowed : allowed / d.ciHigh();
            double hi = d.rule().upperBound() ? d.ciHigh() / allowed : allowed / d.ciLow();
            bars.add(new double[] {d.budgetUsed(), lo, hi});
            colors.add(color(d.status()));
            notes.add(Double.isNaN(d.budgetUsed()) ? "not compared" : String.format(Locale.ROOT, "%.0f%% (ratio %s)",
                    d.budgetUsed() * 100, Units.ratio(d.ratio())));
        }
        verdict.ifPresent(v -> {
            for (Check c : v.checks()) {
                names.add("budget " + c.limit());
                bars.add(new double[] {c.budgetUsed(), Double.NaN, Double.NaN});
                colors.add(c.outcome() == Outcome.VIOLATED ? color(GateStatus.REGRESSION)
                        : c.outcome() == Outcome.MET ? color(GateStatus.PASS) : color(GateStatus.INCONCLUSIVE));
                notes.add(Double.isNaN(c.budgetUsed()) ? "not measured" : String.format(Locale.ROOT, "%.0f%% (%s)",
                        c.budgetUsed() * 100, c.observedText()));
            }
        });
        if (names.isEmpty()) {
            return;
        }
        int rowH = 26;
        int left = 150;
        int plotW = 260;
        int w = left + plotW + 150;
        int h = 50 + rowH * names.size() + 20;
        double scaleMax = 1.5;
        for (double[] b : bars) {
            for (double v : b) {
                if (Double.isFinite(v)) {
                    scaleMax = Math.max(scaleMax, Math.min(v, 3));
                }
            }
        }
        final double max = scaleMax;
        java.util.function.DoubleUnaryOperator sx = v -> left + Math.min(Math.max(v, 0), max) / max * plotW;
        o.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\">\n");
        o.append("<title>use of each allowance</title>\n");
        text(o, 10, 18, "use of each allowance (100% = at the limit)", "start", 13, "#1d2733");
        int top = 36;
        for (double t : new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3}) {
            if (t > max + 1e-9) {
                break;
            }
            double x = sx.applyAsDouble(t);
            line(o, x, top - 4, x, top + rowH * names.size(), t == 1 ? "#c92a2a" : "#e3e8ee", t == 1 ? "4 3" : null, 1);
            text(o, x, top + rowH * names.size() + 14, String.format(Locale.ROOT, "%.0f%%", t * 100), "middle", 10, "#4a5768");
        }
        for (int i = 0; i < names.size(); i++) {
            double y = top + i * rowH;
            text(o, left - 8, y + rowH / 2.0 + 4, names.get(i), "end", 11, "#1d2733");
            double[] b = bars.get(i);
            if (Double.isFinite(b[0])) {
                double x1 = sx.applyAsDouble(b[0]);
                o.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\" opacity=\"0.85\"/>\n",
                        left, y + 5, Math.max(1, x1 - left), rowH - 10, colors.get(i)));
            }
            if (Double.isFinite(b[1]) && Double.isFinite(b[2]) && b[1] != b[2]) {
                double a = sx.applyAsDouble(b[1]);
                double c = sx.applyAsDouble(b[2]);
                double ym = y + rowH / 2.0;
                line(o, a, ym, c, ym, "#1d2733", null, 1.5);
                line(o, a, ym - 5, a, ym + 5, "#1d2733", null, 1.5);
                line(o, c, ym - 5, c, ym + 5, "#1d2733", null, 1.5);
            }
            text(o, left + plotW + 8, y + rowH / 2.0 + 4, notes.get(i), "start", 11, "#4a5768");
        }
        o.append("</svg>\n");
    }

    private static String color(GateStatus s) {
        switch (s) {
            case PASS:
                return "#40c057";
            case IMPROVEMENT:
                return "#339af0";
            case INCONCLUSIVE:
                return "#fcc419";
            default:
                return "#fa5252";
        }
    }

    private static void polyline(StringBuilder o, List<double[]> pts, java.util.function.DoubleUnaryOperator sx,
            java.util.function.DoubleUnaryOperator sy, String color, String dash) {
        if (pts.isEmpty()) {
            return;
        }
        o.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2.5\"");
        if (dash != null) {
            o.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        o.append(" points=\"");
        for (double[] p : pts) {
            o.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.applyAsDouble(p[0]), sy.applyAsDouble(p[1])));
        }
        o.setLength(o.length() - 1);
        o.append("\"/>\n");
    }

    private static void line(StringBuilder o, double x1, double y1, double x2, double y2, String color) {
        line(o, x1, y1, x2, y2, color, null, 1);
    }

    private static void line(StringBuilder o, double x1, double y1, double x2, double y2, String color, String dash,
            double width) {
        o.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"",
                x1, y1, x2, y2, color, width));
        if (dash != null) {
            o.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        o.append("/>\n");
    }

    private static void text(StringBuilder o, double x, double y, String s, String anchor, int size, String color) {
        o.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">",
                x, y, anchor, size, color)).append(esc(s)).append("</text>\n");
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }
}
