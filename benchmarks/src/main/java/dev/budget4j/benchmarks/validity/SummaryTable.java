package dev.budget4j.benchmarks.validity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The experiment's results as Markdown: one row per workload × mode with every rate and its exact
 * 95% interval (Clopper–Pearson), then one row per cell with the details.
 */
final class SummaryTable {
    private SummaryTable() {
    }

    /**
     * Renders the tables.
     *
     * @param trials the trials to summarize
     * @param workloads the rows' workloads, in order
     * @param modes the rows' modes, in order
     * @param variants the variants to show
     * @return Markdown
     */
    static String markdown(List<TrialResult> trials, List<String> workloads, List<Mode> modes, List<Variant> variants) {
        StringBuilder out = new StringBuilder();
        out.append("Rates as k/n (share; exact 95% interval). \"Fails\" = exit 1 (REGRESSION): a false alarm on A/A, a detection on A/B.\n\n");
        List<String> header = new ArrayList<>(List.of("workload", "mode"));
        for (Variant v : variants) {
            String name = v == Variant.AA ? "A/A" : String.format(Locale.ROOT, "+%.0f%%", v.extra() * 100);
            header.add(name + " fails");
            header.add(name + " inconclusive");
        }
        header.add("gate s, mean / max");
        header.add("baseline s, mean");
        row(out, header);
        row(out, header.stream().map(h -> h.equals("workload") || h.equals("mode") ? "---" : "---:").toList());
        for (String w : workloads) {
            for (Mode m : modes) {
                List<TrialResult> rowTrials = select(trials, t -> t.workload().equals(w) && t.mode() == m && variants.contains(t.variant()));
                if (rowTrials.isEmpty()) {
                    continue;
                }
                List<String> cells = new ArrayList<>(List.of(w, m.label()));
                for (Variant v : variants) {
                    List<TrialResult> cell = select(rowTrials, t -> t.variant() == v);
                    cells.add(rate(count(cell, TrialResult::regression), cell.size()));
                    cells.add(rate(count(cell, TrialResult::inconclusive), cell.size()));
                }
                cells.add(seconds(rowTrials));
                cells.add(baseline(rowTrials, m));
                row(out, cells);
            }
        }
        if (workloads.size() > 1) {
            out.append("\nAll workloads together:\n\n");
            List<String> byMode = new ArrayList<>(header);
            byMode.remove(0);
            row(out, byMode);
            row(out, byMode.stream().map(h -> h.equals("mode") ? "---" : "---:").toList());
            for (Mode m : modes) {
                List<TrialResult> modeTrials = select(trials, t -> t.mode() == m && workloads.contains(t.workload()) && variants.contains(t.variant()));
                if (modeTrials.isEmpty()) {
                    continue;
                }
                List<String> cells = new ArrayList<>(List.of(m.label()));
                for (Variant v : variants) {
                    List<TrialResult> cell = select(modeTrials, t -> t.variant() == v);
                    cells.add(rate(count(cell, TrialResult::regression), cell.size()));
                    cells.add(rate(count(cell, TrialResult::inconclusive), cell.size()));
                }
                cells.add(seconds(modeTrials));
                cells.add(baseline(modeTrials, m));
                row(out, cells);
            }
        }
        out.append("\nPer cell:\n\n");
        List<String> detail = List.of("workload", "mode", "variant", "n", "REGRESSION", "INCONCLUSIVE", "PASS", "forks or pairs, mean",
                "stopped at time cap", "p50 ratio, median", "p50 interval width, mean", "p50 interval holds 1 + extra", "not passed, by dimension", "gate s, mean / max",
                "baseline s, mean");
        row(out, detail);
        List<String> text = List.of("workload", "mode", "variant", "not passed, by dimension");
        row(out, detail.stream().map(h -> text.contains(h) ? "---" : "---:").toList());
        for (String w : workloads) {
            for (Mode m : modes) {
                for (Variant v : variants) {
                    List<TrialResult> cell = select(trials, t -> t.workload().equals(w) && t.mode() == m && t.variant() == v);
                    if (cell.isEmpty()) {
                        continue;
                    }
                    row(out, List.of(w, m.label(), v.label(), Integer.toString(cell.size()), Integer.toString(count(cell, TrialResult::regression)),
                            Integer.toString(count(cell, TrialResult::inconclusive)), Integer.toString(count(cell, t -> t.status().equals("PASS"))),
                            fmt(cell.stream().mapToInt(TrialResult::runs).average().orElse(Double.NaN), 1),
                            Integer.toString(count(cell, t -> t.stop().equals("time cap"))),
                            fmt(median(cell.stream().mapToDouble(TrialResult::p50).filter(Double::isFinite).toArray()), 3),
                            fmt(cell.stream().mapToDouble(t -> t.p50High() - t.p50Low()).filter(Double::isFinite).average().orElse(Double.NaN), 3),
                            count(cell, t -> t.p50Low() <= 1 + v.extra() && 1 + v.extra() <= t.p50High()) + "/" + cell.size(),
                            flags(cell), seconds(cell), baseline(cell, m)));
                }
            }
        }
        return out.toString();
    }

    /** @return {@code k/n (share; low–high%)} with the exact 95% interval */
    static String rate(int k, int n) {
        if (n == 0) {
            return "–";
        }
        double[] ci = ClopperPearson.interval(k, n, 0.95);
        return String.format(Locale.ROOT, "%d/%d (%s; %s–%s%%)", k, n, pct(k / (double) n) + "%", pct(ci[0]), pct(ci[1]));
    }

    private static String pct(double share) {
        double p = share * 100;
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.1f", p);
    }

    /** @return how many trials each dimension did not pass in, e.g. {@code p50 2, throughput 1}, or "–" */
    private static String flags(List<TrialResult> trials) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String dim : List.of("p50", "p95", "p99", "throughput", "alloc")) {
            counts.put(dim, 0);
        }
        for (TrialResult t : trials) {
            if (t.flags().equals("-")) {
                continue;
            }
            for (String f : t.flags().split(";")) {
                counts.merge(f.substring(0, f.indexOf(':')), 1, Integer::sum);
            }
        }
        String out = counts.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return out.isEmpty() ? "–" : out;
    }

    private static String seconds(List<TrialResult> trials) {
        double mean = trials.stream().mapToDouble(TrialResult::gateSeconds).average().orElse(Double.NaN);
        double max = trials.stream().mapToDouble(TrialResult::gateSeconds).max().orElse(Double.NaN);
        return fmt(mean, 0) + " / " + fmt(max, 0);
    }

    private static String baseline(List<TrialResult> trials, Mode m) {
        if (m == Mode.INTERLEAVED || m == Mode.DUET) {
            return "in the gate";
        }
        return fmt(trials.stream().mapToDouble(TrialResult::baselineSeconds).average().orElse(Double.NaN), 0);
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static List<TrialResult> select(List<TrialResult> trials, Predicate<TrialResult> p) {
        return trials.stream().filter(p).toList();
    }

    private static int count(List<TrialResult> trials, Predicate<TrialResult> p) {
        return (int) trials.stream().filter(p).count();
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
